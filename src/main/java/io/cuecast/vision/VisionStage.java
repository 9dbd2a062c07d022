package io.cuecast.vision;

import io.cuecast.camera.Frame;
import io.cuecast.table.FourCorners;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The detection route's bean: runs the pipeline on a frame. Keeps the figures that health reports.
 * The frame stays the caller's to free (the route frees it when its exchange is done), so that a
 * frame that fails here is still whole for a retry or the dead letters.
 */
public final class VisionStage {
    private final VisionPipeline pipeline;
    private final AtomicLong framesProcessed = new AtomicLong();
    /** The latest detection with its frame's size, swapped in whole so that readers never mix two frames. */
    private volatile Seen last;

    private record Seen(Detection detection, int width, int height) {
    }
    private volatile Consumer<Detection> listener = detection -> { };

    public VisionStage(VisionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** One frame at a time: a dead letter replayed through the route runs beside the live frames. */
    public synchronized Detection detect(Frame frame) {
        Detection detection = pipeline.detect(frame);
        framesProcessed.incrementAndGet();
        last = new Seen(detection, frame.width(), frame.height());
        listener.accept(detection);
        return detection;
    }

    /** Hands every detection to {@code listener} (metrics), on the detection thread: keep it quick. */
    public void onDetection(Consumer<Detection> listener) {
        this.listener = listener;
    }

    public long framesProcessed() {
        return framesProcessed.get();
    }

    /**
     * Where the latest frame's table outline lies, as fractions of the image; empty before the first
     * frame and while no table is found.
     */
    public Optional<FourCorners> lastOutline() {
        Seen seen = last;
        if (seen == null || seen.detection().table() == null) {
            return Optional.empty();
        }
        return Optional.of(seen.detection().table().outline(seen.width(), seen.height()));
    }

    /** The latest detection, or null before the first frame. */
    public Detection lastDetection() {
        Seen seen = last;
        return seen == null ? null : seen.detection();
    }
}

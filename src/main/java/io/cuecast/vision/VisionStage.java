package io.cuecast.vision;

import io.cuecast.camera.Frame;
import io.cuecast.table.FourCorners;
import java.util.Arrays;
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
    private volatile Detection last;
    private volatile int lastWidth;
    private volatile int lastHeight;
    private volatile Consumer<Detection> listener = detection -> { };

    public VisionStage(VisionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** One frame at a time: a dead letter replayed through the route runs beside the live frames. */
    public synchronized Detection detect(Frame frame) {
        Detection detection = pipeline.detect(frame);
        framesProcessed.incrementAndGet();
        lastWidth = frame.width();
        lastHeight = frame.height();
        last = detection;
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
        Detection detection = last;
        int width = lastWidth;
        int height = lastHeight;
        if (detection == null || detection.table() == null || width == 0) {
            return Optional.empty();
        }
        return Optional.of(new FourCorners(Arrays.stream(detection.table().cornersPx())
                .map(corner -> new FourCorners.Corner(corner.x / width, corner.y / height)).toList()));
    }

    /** The latest detection, or null before the first frame. */
    public Detection lastDetection() {
        return last;
    }
}

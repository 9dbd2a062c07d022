package io.cuecast.vision;

import io.cuecast.camera.Frame;
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
    private volatile Consumer<Detection> listener = detection -> { };

    public VisionStage(VisionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** One frame at a time: a dead letter replayed through the route runs beside the live frames. */
    public synchronized Detection detect(Frame frame) {
        Detection detection = pipeline.detect(frame);
        framesProcessed.incrementAndGet();
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

    /** The latest detection, or null before the first frame. */
    public Detection lastDetection() {
        return last;
    }
}

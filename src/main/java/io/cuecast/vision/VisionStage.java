package io.cuecast.vision;

import io.cuecast.camera.Frame;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The detection route's bean: runs the pipeline on a frame, then frees the frame, whose pixels no
 * later stage needs. Keeps the figures that health reports.
 */
public final class VisionStage {
    private final VisionPipeline pipeline;
    private final AtomicLong framesProcessed = new AtomicLong();
    private volatile Detection last;
    private volatile Consumer<Detection> listener = detection -> { };

    public VisionStage(VisionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public Detection detect(Frame frame) {
        try {
            Detection detection = pipeline.detect(frame);
            framesProcessed.incrementAndGet();
            last = detection;
            listener.accept(detection);
            return detection;
        } finally {
            frame.close();
        }
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

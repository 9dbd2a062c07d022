package io.cuecast.camera;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the camera stage last did, for health and metrics. Thread-safe. */
public final class CameraStatus {
    private final String source;
    private final AtomicLong framesCaptured = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastFrameAtUs;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public CameraStatus(String source) {
        this.source = source;
    }

    void captured(Frame frame) {
        framesCaptured.incrementAndGet();
        lastFrameAtUs = frame.capturedAtUs();
        lastError.set(null);
    }

    void failed(String error) {
        failures.incrementAndGet();
        lastError.set(error);
    }

    public String source() {
        return source;
    }

    public long framesCaptured() {
        return framesCaptured.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Epoch microseconds of the last frame, 0 before the first. */
    public long lastFrameAtUs() {
        return lastFrameAtUs;
    }

    /** The error of the last grab, or null when it succeeded. */
    public String lastError() {
        return lastError.get();
    }
}

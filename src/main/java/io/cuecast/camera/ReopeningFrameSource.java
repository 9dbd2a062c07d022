package io.cuecast.camera;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a camera coming back: a source that cannot be opened, or fails while reading, is closed and
 * opened again after a back-off that doubles from {@code initialBackoffMs} up to {@code maxBackoffMs}.
 * Meanwhile each grab fails fast with the reason, so health shows it, and the application runs on.
 */
public final class ReopeningFrameSource extends NamedFrameSource {
    private final Supplier<FrameSource> opener;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final LongSupplier clockMs;
    private FrameSource current;
    private long nextAttemptMs;
    private long backoffMs;
    private String lastFailure;

    public ReopeningFrameSource(Supplier<FrameSource> opener, String description, double fps,
                                long initialBackoffMs, long maxBackoffMs, LongSupplier clockMs) {
        super(description, fps);
        this.opener = opener;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.clockMs = clockMs;
        this.backoffMs = initialBackoffMs;
    }

    @Override
    public synchronized Optional<Frame> grab() {
        if (current == null) {
            open();
        }
        try {
            Optional<Frame> frame = current.grab();
            if (frame.isPresent()) { // a source that opens but never delivers keeps backing off
                backoffMs = initialBackoffMs;
            }
            return frame;
        } catch (RuntimeException e) {
            fail(e.getMessage());
            throw e;
        }
    }

    private void open() {
        long now = clockMs.getAsLong();
        if (now < nextAttemptMs) {
            throw new CameraException(lastFailure + "; next attempt to reopen in " + (nextAttemptMs - now) + " ms");
        }
        try {
            current = opener.get();
        } catch (RuntimeException e) {
            fail(e.getMessage());
            throw e;
        }
    }

    private void fail(String reason) {
        if (current != null) {
            current.close();
            current = null;
        }
        lastFailure = reason;
        nextAttemptMs = clockMs.getAsLong() + backoffMs;
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
    }

    /** The wrapped source while it is open, for callers that need its own features (the simulator's ground truth). */
    public synchronized Optional<FrameSource> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

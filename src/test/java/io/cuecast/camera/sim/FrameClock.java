package io.cuecast.camera.sim;

import java.util.function.LongSupplier;

/**
 * A clock for replaying the simulator faster than real time: each reading is one frame's duration
 * after the last, as a real camera's capture times would be.
 */
public final class FrameClock implements LongSupplier {
    private final long frameMicros;
    private long now = 1_700_000_000_000_000L;

    public FrameClock(double fps) {
        this.frameMicros = Math.round(1e6 / fps);
    }

    @Override
    public synchronized long getAsLong() {
        now += frameMicros;
        return now;
    }
}

package io.cuecast.gateway;

import java.time.Duration;

/**
 * A sliding-window limit: at most {@code limit} admissions in any window of the given length.
 * Rejected attempts do not count, so a client that backs off recovers as its old messages age
 * out of the window.
 */
final class RateLimiter {

    private final long windowMillis;
    /** The times of the last {@code limit} admissions, as a ring; {@code next} is the oldest once full. */
    private final long[] admittedAtMillis;
    private int next;
    private int count;

    RateLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.windowMillis = window.toMillis();
        this.admittedAtMillis = new long[limit];
    }

    /** True when every admission has aged out of the window: the limiter holds no state worth keeping. */
    synchronized boolean isIdle(long nowMillis) {
        int newest = (next + admittedAtMillis.length - 1) % admittedAtMillis.length;
        return count == 0 || nowMillis - admittedAtMillis[newest] >= windowMillis;
    }

    synchronized boolean tryAcquire(long nowMillis) {
        boolean full = count == admittedAtMillis.length;
        if (full && nowMillis - admittedAtMillis[next] < windowMillis) {
            return false;
        }
        admittedAtMillis[next] = nowMillis;
        next = (next + 1) % admittedAtMillis.length;
        if (!full) {
            count++;
        }
        return true;
    }
}

package io.cuecast.gateway;

import java.time.Instant;

/**
 * One client's subscription to one stream: its filter, and when the throttle last let a message
 * through. Publishes of a stream run one at a time under the stream's lock, which is what guards
 * that time; the registry keeps the object for as long as the filter stays the same.
 */
final class Subscription {

    private final StreamFilter filter;
    private final FieldSelection fields;
    /** Zero without max_fps: no throttle. */
    private final long minIntervalNanos;
    /** Volatile: the frame stream peeks at it, through wouldAdmit, outside the lock. */
    private volatile Instant lastPassed;

    Subscription(StreamFilter filter) {
        this.filter = filter;
        this.fields = filter.fields();
        this.minIntervalNanos = filter.maxFps() == null ? 0 : (long) (1e9 / filter.maxFps());
    }

    StreamFilter filter() {
        return filter;
    }

    FieldSelection fields() {
        return fields;
    }

    /**
     * Whether a live message published at {@code now} goes to this client. Under max_fps a message
     * less than 1/max_fps after the last one let through is skipped, not held back: the client's
     * next message is the newest there is, which for a state stream is what counts.
     * Call under the stream's lock.
     */
    boolean admits(Instant now) {
        if (!wouldAdmit(now)) {
            return false;
        }
        lastPassed = now;
        return true;
    }

    /**
     * Whether {@link #admits} would let a message through at {@code now}, without counting it as
     * let through: the frame stream asks before encoding, so it encodes nothing nobody is due.
     */
    boolean wouldAdmit(Instant now) {
        Instant last = lastPassed;
        return minIntervalNanos == 0 || last == null || !now.isBefore(last.plusNanos(minIntervalNanos));
    }
}

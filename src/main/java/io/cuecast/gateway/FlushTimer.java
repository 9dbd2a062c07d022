package io.cuecast.gateway;

import java.time.Instant;

/**
 * Wakes the gateway for {@link Gateway#flushDue()}: the messages max_fps held back and the repeats
 * min_fps asks for. The gateway says when; an adapter owns the thread
 * ({@link ScheduledFlushTimer}), and tests drive {@code flushDue()} themselves with a test clock.
 */
public interface FlushTimer {

    /** For callers that run {@link Gateway#flushDue()} themselves. */
    FlushTimer MANUAL = due -> { };

    /**
     * Have {@code flushDue()} run at, or soon after, {@code due}. Called under stream locks, so it
     * must not block; asking again for the same or a later time may be ignored.
     */
    void wakeAt(Instant due);
}

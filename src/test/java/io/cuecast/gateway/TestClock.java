package io.cuecast.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, and can make fail, so no test needs to sleep. */
final class TestClock extends Clock {

    private volatile Instant now;
    private volatile int failuresLeft;

    TestClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** The next {@code count} readings throw, standing in for any unexpected internal failure. */
    void failNext(int count) {
        failuresLeft = count;
    }

    @Override
    public Instant instant() {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("clock failure injected by the test");
        }
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}

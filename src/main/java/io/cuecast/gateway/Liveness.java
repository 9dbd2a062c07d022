package io.cuecast.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection's timing for the heartbeat and the slow-consumer cut-off: when the client was
 * last heard from, when it was last pinged, and since when it has been behind. Updated from I/O,
 * pipeline and housekeeping threads at once; a race only shifts a reading by one event.
 */
final class Liveness {

    private volatile Instant lastHeard;
    /** Null until the first ping. */
    private volatile Instant lastPinged;
    /** Null while the client keeps up. */
    private final AtomicReference<Instant> behindSince = new AtomicReference<>();

    Liveness(Instant connectedAt) {
        this.lastHeard = connectedAt;
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    void pinged(Instant now) {
        lastPinged = now;
    }

    Duration silentFor(Instant now) {
        return Duration.between(lastHeard, now);
    }

    boolean heardWithin(Duration period, Instant now) {
        return silentFor(now).compareTo(period) < 0;
    }

    /** At most one ping per interval of silence: counted from the last message or the last ping. */
    boolean pingDue(Instant now, Duration pingInterval) {
        Instant quietSince = lastPinged != null && lastPinged.isAfter(lastHeard) ? lastPinged : lastHeard;
        return Duration.between(quietSince, now).compareTo(pingInterval) >= 0;
    }

    /** Keeps the first moment of an unbroken spell behind, so the timeout runs from there. */
    void fellBehind(Instant now) {
        behindSince.compareAndSet(null, now);
    }

    void caughtUp() {
        // Read first: called for every message to every client, and a client that keeps up needs no write.
        if (behindSince.get() != null) {
            behindSince.set(null);
        }
    }

    Optional<Duration> behindFor(Instant now) {
        return Optional.ofNullable(behindSince.get()).map(since -> Duration.between(since, now));
    }
}

package io.cuecast.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, for one client at one moment, whether to ping it or to give up on it: silent past the
 * idle timeout, or behind past the slow-consumer timeout. Pings are sent here; closing is left to
 * the caller, which also forgets the session.
 */
final class LivenessCheck {

    private final LivenessSettings settings;
    private final MessageEncoder encoder;

    LivenessCheck(LivenessSettings settings, MessageEncoder encoder) {
        this.settings = settings;
        this.encoder = encoder;
    }

    /** @return how to close the client, or empty when it may stay */
    Optional<Closing> check(ClientSession session, Instant now) {
        Liveness liveness = session.liveness();
        if (liveness.silentFor(now).compareTo(settings.idleTimeout()) > 0) {
            return Optional.of(Closing.idleTimeout(settings.idleTimeout()));
        }
        // A client's socket may drain, or stall, while nothing is published; only this look sees it.
        session.noteWhetherBehind(now);
        if (liveness.behindFor(now).filter(this::pastSlowConsumerTimeout).isPresent()) {
            return Optional.of(Closing.slowConsumer(settings.slowConsumerTimeout()));
        }
        if (liveness.pingDue(now, settings.pingInterval())) {
            session.send(encoder.encodeControl(Replies.PING,
                    new Replies.Ping(Timestamps.iso(now), Timestamps.epochMicros(now))));
            liveness.pinged(now);
        }
        return Optional.empty();
    }

    /** What {@code is_alive} reports: heard from within the ping interval, so not due a ping. */
    boolean isAlive(ClientSession session, Instant now) {
        return session.liveness().heardWithin(settings.pingInterval(), now);
    }

    private boolean pastSlowConsumerTimeout(Duration behind) {
        return behind.compareTo(settings.slowConsumerTimeout()) > 0;
    }
}

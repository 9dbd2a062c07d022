package io.cuecast.gateway;

import java.time.Duration;

/**
 * When the gateway pings quiet clients and gives up on dead or slow ones. Whole seconds, because
 * the housekeeping sweep that applies them runs about once a second.
 *
 * @param pingInterval        a client silent this long gets a server {@code ping}
 * @param idleTimeout         a client silent longer than this is closed; longer than the ping
 *                            interval, so that every client is pinged before it is dropped
 * @param slowConsumerTimeout a subscriber whose socket stays stalled (it is not reading) longer than
 *                            this is closed; see {@link ClientChannel#isStalled()}
 */
public record LivenessSettings(Duration pingInterval, Duration idleTimeout, Duration slowConsumerTimeout) {

    /** The original system's heartbeat: ping after 30 s of silence, disconnect after 60 s. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** As Centrifugo: a client that cannot keep up for seconds will not catch up by itself. */
    public static final Duration DEFAULT_SLOW_CONSUMER_TIMEOUT = Duration.ofSeconds(2);

    public LivenessSettings {
        requireWholeSeconds("pingInterval", pingInterval);
        requireWholeSeconds("idleTimeout", idleTimeout);
        requireWholeSeconds("slowConsumerTimeout", slowConsumerTimeout);
        if (idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("idleTimeout (" + idleTimeout.toSeconds()
                    + " s) must be longer than pingInterval (" + pingInterval.toSeconds() + " s)");
        }
    }

    public static LivenessSettings defaults() {
        return new LivenessSettings(DEFAULT_PING_INTERVAL, DEFAULT_IDLE_TIMEOUT, DEFAULT_SLOW_CONSUMER_TIMEOUT);
    }

    private static void requireWholeSeconds(String name, Duration duration) {
        if (duration == null || duration.toSeconds() < 1 || duration.toNanosPart() != 0) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds, at least 1, was " + duration);
        }
    }
}

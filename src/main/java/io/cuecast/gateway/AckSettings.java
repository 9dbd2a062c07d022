package io.cuecast.gateway;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which streams need a client {@code ack}, and how hard the gateway tries before giving up.
 *
 * @param streams       streams whose messages each client must acknowledge
 * @param timeout       how long an unacknowledged message waits before it is sent again
 * @param maxDeliveries sends in all (the first one included); a message still unacknowledged after
 *                      the last one times out goes to the dead letters
 */
public record AckSettings(Set<Stream> streams, Duration timeout, int maxDeliveries) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_DELIVERIES = 3;

    public AckSettings {
        streams = Set.copyOf(streams);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ack timeout must be positive, was " + timeout);
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("ack maxDeliveries must be at least 1, was " + maxDeliveries);
        }
    }

    /** No stream needs acks. */
    public static final AckSettings NONE = new AckSettings(Set.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_DELIVERIES);

    /** The {@code alert} stream, 5 seconds, 3 deliveries. */
    public static AckSettings defaults() {
        return new AckSettings(EnumSet.of(Stream.ALERT), DEFAULT_TIMEOUT, DEFAULT_MAX_DELIVERIES);
    }

    public boolean requiresAck(Stream stream) {
        return streams.contains(stream);
    }
}

package io.cuecast.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Numbers each stream's messages, records them in the {@link StreamHistory} and fans them out to
 * the stream's subscribers.
 *
 * <p>Sequences count 1, 2, 3, ... per stream and advance on every publish, even with no
 * subscribers, so a stream's numbering never depends on who listens and a resume position means
 * the same to every client. The history owns the position, as a broker would. A message that
 * cannot be serialized does not use up a number.
 *
 * <p>Slow consumers: a client whose write queue is full skips the message and its drop counter
 * goes up; it sees the gap in the sequence. Nothing blocks. The publish only notes since when the
 * client has been behind; the gateway's sweep closes one that stays behind too long.
 *
 * <p>Filters: each subscriber's {@link Subscription} may skip the message (max_fps) or want fewer
 * fields. Subscribers with the same field selection share one encoded text; the unfiltered ones get
 * the very text the history keeps, so a publish nobody filters costs nothing extra.
 */
final class StreamPublisher {

    private final SubscriptionRegistry registry;
    private final StreamLocks locks;
    private final MessageEncoder encoder;
    private final StreamHistory history;
    private final Clock clock;
    private final FieldProjector projector;
    private final DeliveryCounter deliveries;

    StreamPublisher(SubscriptionRegistry registry, StreamLocks locks, MessageEncoder encoder,
                    StreamHistory history, Clock clock, FieldProjector projector, DeliveryCounter deliveries) {
        this.registry = registry;
        this.locks = locks;
        this.encoder = encoder;
        this.history = history;
        this.clock = clock;
        this.projector = projector;
        this.deliveries = deliveries;
    }

    /**
     * Serializes the message once and hands the same text to the history and to every current
     * unfiltered subscriber (filtered ones get it cut down once per field selection). Both happen under the stream's lock, so a subscriber catching up from history
     * sees no message twice and misses none.
     *
     * @throws IllegalArgumentException if {@code data} cannot be serialized (no number is used up)
     */
    PublishResult publish(Stream stream, Object data) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(data, "data");
        return locks.whileLocked(stream, () -> {
            long sequence = history.lastSequence(stream) + 1;
            EncodedMessage message = encoder.encodeStream(stream, sequence, data);
            history.append(stream, sequence, message);
            return fanOut(stream, sequence, message);
        });
    }

    private PublishResult fanOut(Stream stream, long sequence, EncodedMessage message) {
        DeliveryCounter.Tally tally = deliveries.tally();
        Instant now = Timestamps.now(clock);
        FieldProjector.Projections projections = projector.of(message);
        for (Map.Entry<ClientSession, Subscription> entry : registry.subscriptionsOf(stream).entrySet()) {
            Subscription subscription = entry.getValue();
            if (!subscription.admits(now)) {
                continue;
            }
            tally.count(entry.getKey().offer(projections.select(subscription.fields()), now));
        }
        return tally.result(stream, sequence);
    }

    /** The last sequence number given on each stream (0 before the first publish). */
    Map<Stream, Long> lastSequences() {
        Map<Stream, Long> sequences = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            sequences.put(stream, history.lastSequence(stream));
        }
        return Collections.unmodifiableMap(sequences);
    }
}

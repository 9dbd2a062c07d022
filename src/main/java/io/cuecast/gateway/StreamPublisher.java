package io.cuecast.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

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
    private final AckTracker acks;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();

    StreamPublisher(SubscriptionRegistry registry, StreamLocks locks, MessageEncoder encoder,
                    StreamHistory history, Clock clock, FieldProjector projector, AckTracker acks) {
        this.registry = registry;
        this.locks = locks;
        this.encoder = encoder;
        this.history = history;
        this.clock = clock;
        this.projector = projector;
        this.acks = acks;
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
        int deliveredTo = 0;
        int droppedFor = 0;
        int failedFor = 0;
        Instant now = Timestamps.now(clock);
        FieldProjector.Projections projections = projector.of(message);
        boolean needsAck = acks.settings().requiresAck(stream);
        for (Map.Entry<ClientSession, Subscription> entry : registry.subscriptionsOf(stream).entrySet()) {
            Subscription subscription = entry.getValue();
            if (!subscription.admits(now)) {
                continue;
            }
            EncodedMessage selected = projections.select(subscription.fields());
            switch (entry.getKey().offer(selected, now)) {
                case DELIVERED -> deliveredTo++;
                case DROPPED_QUEUE_FULL -> droppedFor++;
                case FAILED -> failedFor++;
            }
            if (needsAck) {
                // Even a message skipped for a full queue: its ack will not come, so it is sent again.
                acks.sent(entry.getKey(), stream, sequence, selected, now);
            }
        }
        delivered.add(deliveredTo);
        dropped.add(droppedFor);
        failed.add(failedFor);
        return new PublishResult(stream, sequence, deliveredTo, droppedFor, failedFor);
    }

    /** The last sequence number given on each stream (0 before the first publish). */
    Map<Stream, Long> lastSequences() {
        Map<Stream, Long> sequences = new EnumMap<>(Stream.class);
        for (Stream stream : Stream.values()) {
            sequences.put(stream, history.lastSequence(stream));
        }
        return Collections.unmodifiableMap(sequences);
    }

    long delivered() {
        return delivered.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    long failed() {
        return failed.sum();
    }
}

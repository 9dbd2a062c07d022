package io.cuecast.gateway;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Numbers each stream's messages and fans them out to the stream's subscribers.
 *
 * <p>Sequences count 1, 2, 3, ... per stream and advance on every publish, even with no
 * subscribers, so a stream's numbering never depends on who listens (history and resume can be
 * added later without renumbering). A message that cannot be serialized does not use up a number.
 *
 * <p>Slow consumers: a client whose write queue is full skips the message and its drop counter
 * goes up; it sees the gap in the sequence. Nothing blocks and nobody is disconnected for it yet.
 */
final class StreamPublisher {

    private final SubscriptionRegistry registry;
    private final StreamLocks locks;
    private final MessageEncoder encoder;
    /** Indexed by ordinal; written only under that stream's lock. */
    private final AtomicLongArray lastSequence = new AtomicLongArray(Stream.values().length);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();

    StreamPublisher(SubscriptionRegistry registry, StreamLocks locks, MessageEncoder encoder) {
        this.registry = registry;
        this.locks = locks;
        this.encoder = encoder;
    }

    /**
     * Serializes the message once and hands the same text to every current subscriber.
     *
     * @throws IllegalArgumentException if {@code data} cannot be serialized (no number is used up)
     */
    PublishResult publish(Stream stream, Object data) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(data, "data");
        return locks.whileLocked(stream, () -> {
            long sequence = lastSequence.get(stream.ordinal()) + 1;
            EncodedMessage message = encoder.encodeStream(stream, sequence, data);
            lastSequence.set(stream.ordinal(), sequence);
            return fanOut(stream, sequence, message);
        });
    }

    private PublishResult fanOut(Stream stream, long sequence, EncodedMessage message) {
        int deliveredTo = 0;
        int droppedFor = 0;
        int failedFor = 0;
        for (ClientSession subscriber : registry.subscribersOf(stream)) {
            switch (subscriber.offer(message)) {
                case DELIVERED -> deliveredTo++;
                case DROPPED_QUEUE_FULL -> droppedFor++;
                case FAILED -> failedFor++;
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
            sequences.put(stream, lastSequence.get(stream.ordinal()));
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

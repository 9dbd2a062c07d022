package io.cuecast.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to stream messages offered to clients: per publish, and in total since the gateway
 * started, overall and per stream. Both publishers (JSON streams and frames) count into one, so
 * the totals cover both.
 */
final class DeliveryCounter {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<Stream, StreamTotals> byStream = new EnumMap<>(Stream.class);

    /** Messages and bytes handed to clients on one stream, and messages not, since start. */
    static final class StreamTotals {
        private final LongAdder messages = new LongAdder();
        private final LongAdder bytes = new LongAdder();
        private final LongAdder dropped = new LongAdder();

        long messages() {
            return messages.sum();
        }

        long bytes() {
            return bytes.sum();
        }

        long dropped() {
            return dropped.sum();
        }
    }

    DeliveryCounter() {
        for (Stream stream : Stream.values()) {
            byStream.put(stream, new StreamTotals());
        }
    }

    /** A fresh count for one fan-out or flush; not thread-safe, as each runs on one thread. */
    Tally tally(Stream stream) {
        return new Tally(byStream.get(stream));
    }

    StreamTotals totalsOf(Stream stream) {
        return byStream.get(stream);
    }

    final class Tally {
        private final StreamTotals stream;
        private int deliveredTo;
        private int droppedFor;
        private int failedFor;
        private long bytesSent;

        private Tally(StreamTotals stream) {
            this.stream = stream;
        }

        /** @param bytes the message's size, counted when it was delivered */
        void count(ClientSession.Delivery delivery, int bytes) {
            switch (delivery) {
                case DELIVERED -> {
                    deliveredTo++;
                    bytesSent += bytes;
                }
                case DROPPED_QUEUE_FULL -> droppedFor++;
                case FAILED -> failedFor++;
            }
        }

        /** Adds this publish to the totals and says what it did. */
        PublishResult result(Stream stream, long sequence) {
            addToTotals();
            return new PublishResult(stream, sequence, deliveredTo, droppedFor, failedFor);
        }

        /** Adds this round to the totals, for a round that is no publish of its own (a flush). */
        void addToTotals() {
            delivered.add(deliveredTo);
            dropped.add(droppedFor);
            failed.add(failedFor);
            stream.messages.add(deliveredTo);
            stream.bytes.add(bytesSent);
            stream.dropped.add(droppedFor + failedFor);
        }
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

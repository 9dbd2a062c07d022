package io.cuecast.gateway;

import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to stream messages offered to clients: per publish, and in total since the gateway
 * started. Both publishers (JSON streams and frames) count into one, so the totals cover both.
 */
final class DeliveryCounter {

    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** A fresh count for one fan-out or flush; not thread-safe, as each runs on one thread. */
    Tally tally() {
        return new Tally();
    }

    final class Tally {
        private int deliveredTo;
        private int droppedFor;
        private int failedFor;

        void count(ClientSession.Delivery delivery) {
            switch (delivery) {
                case DELIVERED -> deliveredTo++;
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

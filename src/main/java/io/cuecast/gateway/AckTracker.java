package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages of the streams that need acks ({@link AckSettings}), per client, until the client acks
 * them. One that waits past the timeout is sent again, with the same sequence and
 * {@code "redelivered": true}; one still unacknowledged after the last delivery, or held by a
 * client that disconnects, goes to the {@link UndeliveredSink}. Nothing leaves silently.
 *
 * <p>Thread-safe: publishes, the client's own messages and the sweep may run at once; each
 * client's ledger is locked on its own.
 */
final class AckTracker {
    private static final Logger LOG = LoggerFactory.getLogger(AckTracker.class);

    /** A message waiting for its ack. */
    private static final class Pending {
        final EncodedMessage message;
        EncodedMessage redelivery;
        int deliveries = 1;
        Instant lastSentAt;

        Pending(EncodedMessage message, Instant sentAt) {
            this.message = message;
            this.lastSentAt = sentAt;
        }
    }

    /** One client's pending messages, per stream, in sequence order. */
    private static final class Ledger {
        final Map<TableStream, NavigableMap<Long, Pending>> byStream = new HashMap<>();
        /** Set when the client left; a publish that raced with that hands its message over at once. */
        boolean closed;

        NavigableMap<Long, Pending> of(TableStream stream) {
            return byStream.computeIfAbsent(stream, s -> new TreeMap<>());
        }
    }

    /** What an ack did: the sequences it settled and how many of the table's stream's stay pending. */
    record Acked(String stream, @JsonProperty("table_id") String tableId, List<Long> sequences, int pending) {
    }

    private final AckSettings settings;
    private final UndeliveredSink sink;
    private final FieldProjector projector;
    private final ToLongFunction<TableStream> lastPublished;
    private final Map<ClientSession, Ledger> ledgers = new ConcurrentHashMap<>();

    /** @param lastPublished the last sequence published on a stream, which no ack may pass */
    AckTracker(AckSettings settings, UndeliveredSink sink, FieldProjector projector,
               ToLongFunction<TableStream> lastPublished) {
        this.settings = settings;
        this.sink = sink;
        this.projector = projector;
        this.lastPublished = lastPublished;
    }

    AckSettings settings() {
        return settings;
    }

    /** Starts keeping the client's pending messages; called as it connects. */
    void open(ClientSession session) {
        ledgers.putIfAbsent(session, new Ledger());
    }

    /**
     * Notes a stream message offered to the client; a no-op for streams that need no ack. If the
     * client has just left, the message goes straight to the sink.
     */
    void sent(ClientSession session, TableStream stream, long sequence, EncodedMessage message, Instant now) {
        if (!settings.requiresAck(stream.stream())) {
            return;
        }
        Pending pending = new Pending(message, now);
        Ledger ledger = ledgers.get(session);
        if (ledger != null) {
            synchronized (ledger) {
                if (!ledger.closed) {
                    ledger.of(stream).put(sequence, pending);
                    return;
                }
            }
        }
        handOver(undelivered(session, stream, sequence, pending, Undelivered.Reason.CLIENT_DISCONNECTED));
    }

    /**
     * Settles the acked messages. All or nothing: if any sequence is not pending, nothing is acked.
     *
     * @throws RequestRejected INVALID_ACK_FORMAT for a malformed ack, UNKNOWN_ACK_SEQUENCE for a
     *                         sequence from the future or not awaiting an ack from this client
     */
    Acked ack(ClientSession session, AckRequest request) {
        long last = lastPublished.applyAsLong(request.target());
        long highest = request.cumulative() ? request.upTo()
                : request.sequences().stream().mapToLong(Long::longValue).max().orElseThrow();
        if (highest > last) {
            throw new RequestRejected(ErrorCode.UNKNOWN_ACK_SEQUENCE, "Sequence " + highest + " of "
                    + request.target().describe() + " is from the future: the last one sent is " + last + ".");
        }
        Ledger ledger = ledgers.getOrDefault(session, new Ledger());
        synchronized (ledger) {
            NavigableMap<Long, Pending> pending = ledger.of(request.target());
            List<Long> settled;
            if (request.cumulative()) {
                settled = new ArrayList<>(pending.headMap(request.upTo(), true).keySet());
            } else {
                List<Long> unknown = request.sequences().stream().filter(s -> !pending.containsKey(s)).toList();
                if (!unknown.isEmpty()) {
                    throw new RequestRejected(ErrorCode.UNKNOWN_ACK_SEQUENCE, request.target().describe() + " " + unknown
                            + " not awaiting your ack (already acknowledged, never sent to you, or given up); "
                            + "nothing in this ack was settled.");
                }
                settled = request.sequences().stream().distinct().toList();
            }
            settled.forEach(pending::remove);
            return new Acked(request.target().stream().wireName(), request.target().table(), settled, pending.size());
        }
    }

    /**
     * Sends again what waited past the timeout, and gives up (to the sink) what was sent the
     * configured number of times.
     */
    void sweep(ClientSession session, Instant now) {
        Ledger ledger = ledgers.get(session);
        if (ledger == null) {
            return;
        }
        List<Undelivered> givenUp = new ArrayList<>();
        synchronized (ledger) {
            ledger.byStream.forEach((stream, pending) -> pending.entrySet().removeIf(entry -> {
                Pending message = entry.getValue();
                if (Duration.between(message.lastSentAt, now).compareTo(settings.timeout()) < 0) {
                    return false;
                }
                if (message.deliveries >= settings.maxDeliveries()) {
                    givenUp.add(undelivered(session, stream, entry.getKey(), message, Undelivered.Reason.NOT_ACKNOWLEDGED));
                    return true;
                }
                if (message.redelivery == null) {
                    message.redelivery = projector.redeliveryOf(message.message);
                }
                message.deliveries++;
                message.lastSentAt = now;
                session.offer(message.redelivery, now);
                return false;
            }));
        }
        givenUp.forEach(this::handOver);
    }

    /** The client is gone: every message it still owed an ack goes to the sink. */
    void forget(ClientSession session) {
        Ledger ledger = ledgers.remove(session);
        if (ledger == null) {
            return;
        }
        List<Undelivered> givenUp = new ArrayList<>();
        synchronized (ledger) {
            ledger.closed = true;
            ledger.byStream.forEach((stream, pending) -> pending.forEach((sequence, message) ->
                    givenUp.add(undelivered(session, stream, sequence, message, Undelivered.Reason.CLIENT_DISCONNECTED))));
            ledger.byStream.clear();
        }
        givenUp.forEach(this::handOver);
    }

    /** Messages the client has not acknowledged yet, all streams together. */
    int pendingCount(ClientSession session) {
        Ledger ledger = ledgers.get(session);
        if (ledger == null) {
            return 0;
        }
        synchronized (ledger) {
            return ledger.byStream.values().stream().mapToInt(Map::size).sum();
        }
    }

    private static Undelivered undelivered(ClientSession session, TableStream stream, long sequence, Pending message,
                                           Undelivered.Reason reason) {
        return new Undelivered(session.clientId(), stream.table(), stream.stream(), sequence, message.message.text(),
                message.deliveries, reason);
    }

    private void handOver(Undelivered message) {
        LOG.warn("Giving up on {}: handing it to the dead letters", message.describe());
        try {
            sink.accept(message);
        } catch (RuntimeException e) {
            LOG.error("LOST: {}; the dead letters did not take it", message.describe(), e);
        }
    }
}

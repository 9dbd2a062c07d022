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
    private final AckJournal journal;
    private final Map<ClientSession, Ledger> ledgers = new ConcurrentHashMap<>();

    /**
     * @param lastPublished the last sequence published on a stream, which no ack may pass
     * @param journal       where awaited acks are noted durably, so that a crash loses none
     */
    AckTracker(AckSettings settings, UndeliveredSink sink, FieldProjector projector,
               ToLongFunction<TableStream> lastPublished, AckJournal journal) {
        this.settings = settings;
        this.sink = sink;
        this.projector = projector;
        this.lastPublished = lastPublished;
        this.journal = journal;
    }

    /**
     * Hands what a previous run still awaited when it stopped to the sink; call once, as the
     * gateway starts.
     */
    void recoverFromLastRun() {
        List<Undelivered> unsettled = journal.takeUnsettled();
        unsettled.forEach(this::handOver);
        if (!unsettled.isEmpty()) {
            LOG.warn("{} message(s) awaited an ack when the server last stopped: handed to the dead letters",
                    unsettled.size());
        }
    }

    AckSettings settings() {
        return settings;
    }

    /** Starts keeping the client's pending messages; called as it connects. */
    void open(ClientSession session) {
        ledgers.putIfAbsent(session, new Ledger());
    }

    /**
     * Notes a stream message about to be offered to these clients, in memory and in the journal
     * (one durable write for them all); a no-op for streams that need no ack. A client that has
     * just left hands its copy straight to the sink.
     */
    void awaitFrom(List<ClientSession> sessions, TableStream stream, long sequence, EncodedMessage message,
                   Instant now) {
        if (!settings.requiresAck(stream.stream()) || sessions.isEmpty()) {
            return;
        }
        List<AckJournal.Entry> awaited = new ArrayList<>();
        for (ClientSession session : sessions) {
            Pending pending = new Pending(message, now);
            if (await(session, stream, sequence, pending)) {
                awaited.add(entry(session, stream, sequence));
            } else {
                handOver(undelivered(session, stream, sequence, pending, Undelivered.Reason.CLIENT_DISCONNECTED));
            }
        }
        journal.awaited(awaited, message.text());
    }

    /** @return false if the client has left */
    private boolean await(ClientSession session, TableStream stream, long sequence, Pending pending) {
        Ledger ledger = ledgers.get(session);
        if (ledger == null) {
            return false;
        }
        synchronized (ledger) {
            if (!ledger.closed) {
                ledger.of(stream).put(sequence, pending);
                return true;
            }
        }
        return false;
    }

    private static AckJournal.Entry entry(ClientSession session, TableStream stream, long sequence) {
        return new AckJournal.Entry(session.clientId(), stream.table(), stream.stream(), sequence);
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
            journal.settled(settled.stream().map(sequence -> entry(session, request.target(), sequence)).toList());
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
        settleHandedOver(givenUp);
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
        settleHandedOver(givenUp);
    }

    /** Hands each to the sink; those it took are settled, the others stay in the journal for the next start. */
    private void settleHandedOver(List<Undelivered> givenUp) {
        List<AckJournal.Entry> settled = new ArrayList<>();
        for (Undelivered message : givenUp) {
            if (handOver(message)) {
                settled.add(new AckJournal.Entry(message.clientId(), message.table(), message.stream(), message.sequence()));
            }
        }
        journal.settled(settled);
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

    /** @return whether the sink took it */
    private boolean handOver(Undelivered message) {
        LOG.warn("Giving up on {}: handing it to the dead letters", message.describe());
        try {
            sink.accept(message);
            return true;
        } catch (RuntimeException e) {
            LOG.error("LOST: {}; the dead letters did not take it", message.describe(), e);
            return false;
        }
    }
}

package io.cuecast.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Numbers each table's stream's messages, records them in the {@link StreamHistory} and fans them out to
 * the stream's subscribers.
 *
 * <p>Sequences count 1, 2, 3, ... per table and stream and advance on every publish, even with no
 * subscribers, so a stream's numbering never depends on who listens and a resume position means
 * the same to every client. The history owns the position, as a broker would. A message that
 * cannot be serialized does not use up a number.
 *
 * <p>Slow consumers: a client whose write queue is full skips the message and its drop counter
 * goes up; it sees the gap in the sequence. Nothing blocks. The publish only notes since when the
 * client's socket has been stalled; the gateway's sweep closes one that stays so too long.
 * (Handing each event loop one task for all its clients instead was measured slower: see
 * bench/RESULTS.md.)
 *
 * <p>Filters: subscribers with equal filters form a {@link FilterGroup}, and each message is decided
 * (conditions, max_fps) and cut once per group; groups with the same cut share one encoded text, and
 * the unfiltered group gets the very text the history keeps, so a publish nobody filters costs
 * nothing extra. max_fps conflates: a message inside the interval is held as the group's pending
 * one and sent by {@link #flushDue} when the interval ends, unless a newer one replaces it first;
 * min_fps repeats the group's last message when the stream is quiet. The {@link FlushTimer} is
 * asked to call {@code flushDue} when either is due.
 */
final class StreamPublisher {

    /** A message as a group holds it: its sequence, and its projections for cutting it to shape. */
    record Held(long sequence, FieldProjector.Projections message) {
    }

    private final SubscriptionRegistry registry;
    private final StreamLocks locks;
    private final MessageEncoder encoder;
    private final StreamHistory history;
    private final Clock clock;
    private final FieldProjector projector;
    private final FlushTimer timer;
    private final DeliveryCounter deliveries;
    private final AckTracker acks;

    StreamPublisher(SubscriptionRegistry registry, StreamLocks locks, MessageEncoder encoder,
                    StreamHistory history, Clock clock, FieldProjector projector, FlushTimer timer,
                    DeliveryCounter deliveries, AckTracker acks) {
        this.registry = registry;
        this.locks = locks;
        this.encoder = encoder;
        this.history = history;
        this.clock = clock;
        this.projector = projector;
        this.timer = timer;
        this.deliveries = deliveries;
        this.acks = acks;
    }

    /**
     * Serializes the message once and hands the same text to the history and to every current
     * unfiltered subscriber (filtered groups get it cut down once per shape). Both happen under the
     * stream's lock, so a subscriber catching up from history sees no message twice and misses none.
     *
     * @throws IllegalArgumentException if {@code data} cannot be serialized (no number is used up)
     */
    Publication publish(TableStream target, Object data) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(data, "data");
        return locks.whileLocked(target.stream(), () -> {
            long sequence = history.lastSequence(target) + 1;
            EncodedMessage message = encoder.encodeStream(target, sequence, data);
            history.append(target, sequence, message);
            return fanOut(target, sequence, message);
        });
    }

    /**
     * Publishes a message numbered where it was published (a vision node of a Kafka cluster), so that
     * every gateway sends it with the same sequence. A sequence already passed is a redelivery and
     * is ignored. One that jumps ahead means this history never saw the messages in between (they
     * left Kafka before this gateway read them): a resume across them reports the loss.
     *
     * @return empty when the sequence was already published here
     */
    Optional<Publication> publishNumbered(TableStream target, long sequence, EncodedMessage message) {
        return locks.whileLocked(target.stream(), () -> {
            long last = history.lastSequence(target);
            if (sequence <= last) {
                return Optional.<Publication>empty();
            }
            if (sequence > last + 1) {
                history.skipTo(target, sequence - 1);
            }
            history.append(target, sequence, message);
            return Optional.of(fanOut(target, sequence, message));
        });
    }

    private Publication fanOut(TableStream target, long sequence, EncodedMessage message) {
        Stream stream = target.stream();
        String table = target.table();
        Instant now = Timestamps.now(clock);
        Held held = new Held(sequence, projector.of(message));
        int recipients = 0;
        for (FilterGroup group : registry.groupsOf(stream)) {
            if (!group.covers(table)) {
                continue;
            }
            if (group.isUnfiltered()) {
                recipients += deliver(target, group.members(), message, now, 0, sequence);
                continue;
            }
            if (!held.message().meets(group.conditions())) {
                continue;
            }
            Cadence<Held> cadence = group.cadence(table);
            if (cadence != null && !cadence.sendNow(held, now)) {
                cadence.nextDue().ifPresent(timer::wakeAt);
                continue;
            }
            recipients += deliver(target, group.members(), held.message().select(group.shape()), now, 0, sequence);
            if (cadence != null) {
                cadence.sent(held, now);
                cadence.nextDue().ifPresent(timer::wakeAt);
            }
        }
        return new Publication(stream, sequence, recipients);
    }

    /**
     * Sends what is due: each group's held-back message whose max_fps interval has ended, and each
     * min_fps repeat, table by table. Runs under each stream's lock, like a publish.
     *
     * @return when something is next due, or empty when nothing is held or repeating
     */
    Optional<Instant> flushDue() {
        Instant now = Timestamps.now(clock);
        Instant next = null;
        for (Stream stream : Stream.values()) {
            // Frames are never held or repeated: the FramePublisher skips a frame nobody is due.
            if (stream == Stream.FRAME || registry.groupsOf(stream).stream().noneMatch(FilterGroup::hasCadence)) {
                continue;
            }
            Instant streamNext = locks.whileLocked(stream, () -> flushDue(stream, now));
            next = earlier(next, streamNext);
        }
        return Optional.ofNullable(next);
    }

    private Instant flushDue(Stream stream, Instant now) {
        Instant next = null;
        for (FilterGroup group : registry.groupsOf(stream)) {
            for (Map.Entry<String, Cadence<Held>> timing : group.cadences().entrySet()) {
                TableStream target = new TableStream(timing.getKey(), stream);
                flushDue(target, group, timing.getValue(), now);
                next = earlier(next, timing.getValue().nextDue().orElse(null));
            }
        }
        return next;
    }

    private void flushDue(TableStream target, FilterGroup group, Cadence<Held> cadence, Instant now) {
        Optional<Held> pending = cadence.duePending(now);
        if (pending.isPresent()) {
            Held held = pending.get();
            deliver(target, group.members(), held.message().select(group.shape()), now, held.sequence(),
                    held.sequence());
            cadence.sent(held, now);
        } else {
            cadence.dueRepeat(now).ifPresent(last -> {
                // A repeat is no new message: its ack, if any, is already awaited.
                deliver(target, group.members(), projector.repeatOf(last.message().select(group.shape())),
                        now, 0, 0);
                cadence.repeated(now);
            });
        }
    }

    /**
     * Starts the timing of the table's stream's new min_fps groups from what their clients just got
     * on subscribe: its latest message, if it meets the group's conditions. Call under the stream's
     * lock, after the registry change and the catch-up.
     */
    void prime(TableStream target) {
        Instant now = Timestamps.now(clock);
        for (FilterGroup group : registry.groupsOf(target.stream())) {
            Cadence<Held> cadence = group.cadence(target.table());
            if (cadence != null && group.filter().minFps() != null) {
                Held latest = history.latest(target)
                        .map(message -> new Held(history.lastSequence(target), projector.of(message)))
                        .filter(held -> held.message().meets(group.conditions()))
                        .orElse(null);
                cadence.prime(latest, now);
                cadence.nextDue().ifPresent(timer::wakeAt);
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    /**
     * To every member, or only to those that subscribed to the table before {@code heldSince} when
     * it is above 0. On a stream that needs acks, each recipient's copy of message {@code sequence}
     * (0: none, a repeat) awaits its ack, even one skipped for a full queue, so that it is sent again.
     *
     * @return how many members it was handed to
     */
    private int deliver(TableStream target, List<FilterGroup.Member> members, EncodedMessage text, Instant now,
                        long heldSince, long sequence) {
        String table = target.table();
        List<ClientSession> recipients = new ArrayList<>(members.size());
        for (FilterGroup.Member member : members) {
            if (isRecipient(member, table, heldSince)) {
                recipients.add(member.session());
            }
        }
        if (sequence > 0 && acks.settings().requiresAck(target.stream())) {
            // Noted (durably) before any client can have it, so a crash in between loses no ack.
            acks.awaitFrom(recipients, target, sequence, text, now);
        }
        DeliveryCounter.Tally tally = deliveries.tally(target.stream());
        for (ClientSession session : recipients) {
            tally.count(session.offer(text, now), text.bytes());
        }
        tally.addToTotals();
        return recipients.size();
    }

    private static boolean isRecipient(FilterGroup.Member member, String table, long heldSince) {
        return heldSince == 0 || member.subscription().joinedAfter(table) < heldSince;
    }

    /** The last sequence number given on each table's streams (0 before the first publish), by table. */
    Map<String, Map<Stream, Long>> lastSequences(Tables tables) {
        Map<String, Map<Stream, Long>> byTable = new LinkedHashMap<>();
        for (String table : tables.ids()) {
            Map<Stream, Long> sequences = new EnumMap<>(Stream.class);
            for (Stream stream : Stream.values()) {
                sequences.put(stream, history.lastSequence(new TableStream(table, stream)));
            }
            byTable.put(table, Collections.unmodifiableMap(sequences));
        }
        return Collections.unmodifiableMap(byTable);
    }
}

package io.cuecast.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
        DeliveryCounter.Tally tally = deliveries.tally(stream);
        Instant now = Timestamps.now(clock);
        Held held = new Held(sequence, projector.of(message));
        for (FilterGroup group : registry.groupsOf(stream)) {
            if (group.isUnfiltered()) {
                deliver(tally, stream, group.members(), message, now, 0, sequence);
                continue;
            }
            if (!held.message().meets(group.conditions())) {
                continue;
            }
            Cadence<Held> cadence = group.cadence();
            if (cadence != null && !cadence.sendNow(held, now)) {
                cadence.nextDue().ifPresent(timer::wakeAt);
                continue;
            }
            deliver(tally, stream, group.members(), held.message().select(group.shape()), now, 0, sequence);
            if (cadence != null) {
                cadence.sent(held, now);
                cadence.nextDue().ifPresent(timer::wakeAt);
            }
        }
        return tally.result(stream, sequence);
    }

    /**
     * Sends what is due: each group's held-back message whose max_fps interval has ended, and each
     * min_fps repeat. Runs under each stream's lock, like a publish.
     *
     * @return when something is next due, or empty when nothing is held or repeating
     */
    Optional<Instant> flushDue() {
        Instant now = Timestamps.now(clock);
        Instant next = null;
        for (Stream stream : Stream.values()) {
            // Frames are never held or repeated: the FramePublisher skips a frame nobody is due.
            if (stream == Stream.FRAME || registry.groupsOf(stream).stream().allMatch(group -> group.cadence() == null)) {
                continue;
            }
            Instant streamNext = locks.whileLocked(stream, () -> flushDue(stream, now));
            next = earlier(next, streamNext);
        }
        return Optional.ofNullable(next);
    }

    private Instant flushDue(Stream stream, Instant now) {
        DeliveryCounter.Tally tally = deliveries.tally(stream);
        Instant next = null;
        for (FilterGroup group : registry.groupsOf(stream)) {
            Cadence<Held> cadence = group.cadence();
            if (cadence == null) {
                continue;
            }
            Optional<Held> pending = cadence.duePending(now);
            if (pending.isPresent()) {
                Held held = pending.get();
                deliver(tally, stream, group.members(), held.message().select(group.shape()), now, held.sequence(),
                        held.sequence());
                cadence.sent(held, now);
            } else {
                cadence.dueRepeat(now).ifPresent(last -> {
                    // A repeat is no new message: its ack, if any, is already awaited.
                    deliver(tally, stream, group.members(), projector.repeatOf(last.message().select(group.shape())),
                            now, 0, 0);
                    cadence.repeated(now);
                });
            }
            next = earlier(next, cadence.nextDue().orElse(null));
        }
        tally.addToTotals();
        return next;
    }

    /**
     * Starts the timing of the stream's new min_fps groups from what their clients just got on
     * subscribe: the stream's latest message, if it meets the group's conditions. Call under the
     * stream's lock, after the registry change and the catch-up.
     */
    void prime(Stream stream) {
        Instant now = Timestamps.now(clock);
        for (FilterGroup group : registry.groupsOf(stream)) {
            if (group.cadence() != null && group.filter().minFps() != null) {
                Held latest = history.latest(stream)
                        .map(message -> new Held(history.lastSequence(stream), projector.of(message)))
                        .filter(held -> held.message().meets(group.conditions()))
                        .orElse(null);
                group.cadence().prime(latest, now);
                group.cadence().nextDue().ifPresent(timer::wakeAt);
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    /**
     * To every member, or only to those that subscribed before {@code heldSince} when it is above
     * 0. On a stream that needs acks, each member's copy of message {@code sequence} (0: none, a
     * repeat) awaits its ack, even one skipped for a full queue, so that it is sent again.
     */
    private void deliver(DeliveryCounter.Tally tally, Stream stream, List<FilterGroup.Member> members,
                         EncodedMessage text, Instant now, long heldSince, long sequence) {
        boolean awaitsAck = sequence > 0 && acks.settings().requiresAck(stream);
        for (FilterGroup.Member member : members) {
            if (heldSince == 0 || member.subscription().joinedAfter() < heldSince) {
                tally.count(member.session().offer(text, now), text.bytes());
                if (awaitsAck) {
                    acks.sent(member.session(), stream, sequence, text, now);
                }
            }
        }
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

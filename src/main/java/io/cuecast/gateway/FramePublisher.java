package io.cuecast.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fans frames out to the frame stream's subscribers as binary messages, each frame encoded once
 * per quality level that someone is due to get, and the same bytes written to every client of
 * that level.
 *
 * <p>Subscribers come in {@link FilterGroup}s like on any stream, a group per filter (max_fps and
 * quality_level); groups of the same level share one encoding and one message. A camera frame goes
 * to a group whose max_fps interval has ended: frames are latest-only, so one inside the interval is
 * skipped, never held for a flush, as the camera's next frame is newer. An operator's frame goes to
 * every group, whatever its max_fps.
 *
 * <p>Three steps. Under the stream's lock it picks the levels wanted: those of groups that are due
 * and have a member ready (its previous frame written out). Without the lock it encodes those, and
 * nothing at all when no group is due. Then, under the lock again, it numbers the frame and writes
 * it; a due client still busy with its previous frame counts a drop. A client who subscribed or
 * changed level in between waits for the next frame. A frame nobody is due takes no number.
 *
 * <p>Frames take consecutive sequence numbers in their stream, but history keeps none of them:
 * nobody wants an old frame, so there is no replay and no latest value on subscribe.
 */
final class FramePublisher {

    private final SubscriptionRegistry registry;
    private final StreamLocks locks;
    private final StreamHistory history;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final QualityLevels levels;
    /** Per level, in the configured order; filled once, so reads need no lock. */
    private final Map<QualityLevel, LongAdder> encodes = new LinkedHashMap<>();
    private final DeliveryCounter deliveries;

    FramePublisher(SubscriptionRegistry registry, StreamLocks locks, StreamHistory history, Clock clock,
                   ObjectMapper mapper, QualityLevels levels, DeliveryCounter deliveries) {
        this.registry = registry;
        this.locks = locks;
        this.history = history;
        this.clock = clock;
        this.mapper = mapper;
        this.levels = levels;
        this.deliveries = deliveries;
        levels.levels().forEach(level -> encodes.put(level, new LongAdder()));
    }

    /** Whether anyone subscribes to frames: without that, the camera's frames need no copying. */
    boolean hasSubscribers() {
        return registry.hasSubscribers(Stream.FRAME);
    }

    /**
     * Encodes and sends the frame to those due to get it.
     *
     * @return what was done, or empty when no subscriber wanted this frame (nothing was encoded,
     *         and no sequence number used)
     */
    Optional<PublishResult> publish(String table, LiveFrame frame) {
        boolean latestOnly = frame.origin() == LiveFrame.Origin.CAMERA;
        Set<QualityLevel> wanted = locks.whileLocked(Stream.FRAME,
                () -> wantedLevels(table, latestOnly, Timestamps.now(clock)));
        if (wanted == null) {
            return Optional.empty();
        }
        Map<QualityLevel, LiveFrame.Jpeg> jpegs = new LinkedHashMap<>();
        for (QualityLevel level : wanted) {
            jpegs.put(level, frame.encode(level));
            encodes.get(level).increment();
        }
        return Optional.of(locks.whileLocked(Stream.FRAME, () -> fanOut(table, frame, latestOnly, jpegs)));
    }

    /**
     * The levels of groups due this frame that have a member ready to take it; null when no group
     * is due at all. Call under the stream's lock, which guards the groups' timing.
     */
    private Set<QualityLevel> wantedLevels(String table, boolean latestOnly, Instant now) {
        Set<QualityLevel> wanted = new LinkedHashSet<>();
        boolean anyDue = false;
        for (FilterGroup group : registry.groupsOf(Stream.FRAME)) {
            if (!isDue(group, table, latestOnly, now)) {
                continue;
            }
            anyDue = true;
            if (!latestOnly || group.members().stream().anyMatch(member -> member.session().readyForFrame())) {
                wanted.add(levels.of(group.filter()));
            }
        }
        return anyDue ? wanted : null;
    }

    /** Whether the group takes this table's frames and, for camera frames, its max_fps lets one through now. */
    private static boolean isDue(FilterGroup group, String table, boolean latestOnly, Instant now) {
        return group.covers(table) && (!latestOnly || group.cadence(table) == null || group.cadence(table).isDue(now));
    }

    private PublishResult fanOut(String table, LiveFrame frame, boolean latestOnly,
                                 Map<QualityLevel, LiveFrame.Jpeg> jpegs) {
        TableStream target = new TableStream(table, Stream.FRAME);
        long sequence = history.lastSequence(target) + 1;
        history.skip(target, sequence);
        Instant now = Timestamps.now(clock);
        Map<QualityLevel, byte[]> messages = new LinkedHashMap<>();
        DeliveryCounter.Tally tally = deliveries.tally(Stream.FRAME);
        for (FilterGroup group : registry.groupsOf(Stream.FRAME)) {
            if (!isDue(group, table, latestOnly, now)) {
                continue;
            }
            if (latestOnly && group.cadence(table) != null) {
                // Nothing to hold or repeat: frames take no min_fps, so only the time counts.
                group.cadence(table).sent(null, now);
            }
            QualityLevel level = levels.of(group.filter());
            LiveFrame.Jpeg jpeg = jpegs.get(level);
            byte[] message = jpeg == null ? null : messages.computeIfAbsent(level, l -> FrameMessage.encode(mapper,
                    new FrameMessage.Header(table, sequence, Timestamps.epochMicros(now), frame.capturedAtUs(), jpeg.width(),
                            jpeg.height(), l.name(), frame.origin().wireName()), jpeg.bytes()));
            for (FilterGroup.Member member : group.members()) {
                ClientSession session = member.session();
                if (message != null) {
                    tally.count(session.offerFrame(message, latestOnly, now), message.length);
                } else if (!session.readyForFrame()) {
                    // Its level was not encoded because every client of it was still busy: a drop all the same.
                    tally.count(session.skip(now), 0);
                }
                // Otherwise it subscribed, or changed level, since the levels were picked: the next frame is its first.
            }
        }
        return tally.result(Stream.FRAME, sequence);
    }

    /** How many times each level has been encoded, by level name in the configured order. */
    Map<String, Long> encodesByLevel() {
        Map<String, Long> counts = new LinkedHashMap<>();
        encodes.forEach((level, count) -> counts.put(level.name(), count.sum()));
        return Collections.unmodifiableMap(counts);
    }
}

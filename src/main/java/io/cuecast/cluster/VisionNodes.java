package io.cuecast.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which vision nodes a gateway has lately received each table's messages from. A table must have
 * exactly one: two number the same streams each on their own, and clients would see repeats and
 * gaps. Two within {@link #RECENT} of each other is reported (in the tables API and the log).
 */
public final class VisionNodes {
    /** A node that sent nothing for a table for this long no longer feeds it (it stopped, or was replaced). */
    static final Duration RECENT = Duration.ofSeconds(10);

    private final Clock clock;
    private final Map<String, Map<String, Instant>> lastSeenByTable = new ConcurrentHashMap<>();

    public VisionNodes(Clock clock) {
        this.clock = clock;
    }

    /**
     * Notes that a message of the table came from the node.
     *
     * @param sentAtMs when the node sent it, epoch milliseconds, or null for now: a gateway that starts
     *                 reads back through old messages, whose nodes may long have stopped
     * @return true when this makes a second node feed the table at once (true once per such moment)
     */
    boolean seen(String table, String node, Long sentAtMs) {
        Instant now = clock.instant();
        Instant sentAt = sentAtMs == null ? now : Instant.ofEpochMilli(sentAtMs);
        Map<String, Instant> nodes = lastSeenByTable.computeIfAbsent(table, t -> new ConcurrentHashMap<>());
        boolean joins = !isRecent(nodes.get(node), now);
        nodes.merge(node, sentAt, (before, after) -> after.isAfter(before) ? after : before);
        return joins && isRecent(sentAt, now) && recentIn(nodes, now).size() > 1;
    }

    /** The nodes that fed the table lately, in name order; empty when none has. */
    public List<String> of(String table) {
        return recentIn(lastSeenByTable.getOrDefault(table, Map.of()), clock.instant());
    }

    private static List<String> recentIn(Map<String, Instant> nodes, Instant now) {
        return nodes.entrySet().stream().filter(seen -> isRecent(seen.getValue(), now)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    private static boolean isRecent(Instant seen, Instant now) {
        return seen != null && Duration.between(seen, now).compareTo(RECENT) <= 0;
    }
}

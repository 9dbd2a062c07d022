package io.cuecast.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each table's streams last published here, whether the message came from this node's pipeline
 * or from a vision node over Kafka: what a table's health is judged by.
 */
final class TableActivity {
    private final Map<TableStream, Instant> lastPublished = new ConcurrentHashMap<>();

    void published(TableStream stream, Instant at) {
        lastPublished.put(stream, at);
    }

    /**
     * @param lastSequences the table's last sequence per stream
     * @param staleAfter    a table whose state has not been published for longer is DOWN
     */
    TableReport report(String table, Map<Stream, Long> lastSequences, int subscribers, Instant now, Duration staleAfter) {
        // Read once, and only with a numbered state behind it: a state being published meanwhile
        // must not make the table UP beside a state position of 0.
        Instant lastState = lastSequences.getOrDefault(Stream.STATE, 0L) > 0
                ? lastPublished.get(new TableStream(table, Stream.STATE)) : null;
        Map<String, TableReport.StreamPosition> streams = new LinkedHashMap<>();
        lastSequences.forEach((stream, sequence) -> {
            Instant last = stream == Stream.STATE ? lastState : lastPublished.get(new TableStream(table, stream));
            streams.put(stream.wireName(), new TableReport.StreamPosition(sequence,
                    last == null ? null : Duration.between(last, now).toMillis()));
        });
        Duration stateAge = lastState == null ? null : Duration.between(lastState, now);
        String reason = null;
        if (stateAge == null) {
            reason = "no state has been published for this table yet";
        } else if (stateAge.compareTo(staleAfter) > 0) {
            reason = "no state for " + stateAge.toMillis() + " ms (stale after " + staleAfter.toMillis()
                    + " ms): its camera or vision node is down or stalled";
        }
        return new TableReport(table, reason == null ? "UP" : "DOWN", reason, subscribers, streams, null);
    }
}

package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One table as the {@code tables} REST endpoint shows it: whether its state is live, who watches it,
 * and each message stream's position and freshness.
 *
 * @param tableId      the table's id, as messages and subscriptions name it
 * @param status       {@code UP} while its state stream published within the stale time (a live
 *                     table's state goes out at least at the keep-alive interval), {@code DOWN}
 *                     otherwise, {@code DEGRADED} when live but fed by two vision nodes
 * @param reason       why it is not UP; absent when it is
 * @param subscribers  connected clients subscribed to at least one of its streams
 * @param streams      by stream wire name: last sequence and the age of the last message
 * @param visionNodes  on a gateway of a Kafka cluster, the vision nodes that fed the table lately;
 *                     absent on a single node
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableReport(
        @JsonProperty("table_id") String tableId,
        String status,
        String reason,
        int subscribers,
        Map<String, StreamPosition> streams,
        @JsonProperty("vision_nodes") List<String> visionNodes) {

    /**
     * With the vision nodes that feed the table. More than one makes a live table DEGRADED: each
     * numbers its streams on its own, so clients see repeats and gaps.
     */
    public TableReport fedBy(List<String> nodes) {
        if (nodes.size() > 1 && "UP".equals(status)) {
            return new TableReport(tableId, "DEGRADED", "fed by " + nodes.size() + " vision nodes at once ("
                    + String.join(", ", nodes) + "): each numbers the table's streams on its own; give each table one",
                    subscribers, streams, List.copyOf(nodes));
        }
        return new TableReport(tableId, status, reason, subscribers, streams, List.copyOf(nodes));
    }

    /**
     * @param lastSequence     the stream's last sequence on this table; 0 before its first message
     * @param lastMessageAgeMs how long ago its last message was published here; null before the first
     */
    public record StreamPosition(
            @JsonProperty("last_sequence") long lastSequence,
            @JsonProperty("last_message_age_ms") Long lastMessageAgeMs) {
    }
}

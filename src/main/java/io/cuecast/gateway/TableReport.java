package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One table as the {@code tables} REST endpoint shows it: whether its state is live, who watches it,
 * and each message stream's position and freshness.
 *
 * @param tableId      the table's id, as messages and subscriptions name it
 * @param status       {@code UP} while its state stream published within the stale time (a live
 *                     table's state goes out at least at the keep-alive interval), {@code DOWN}
 *                     otherwise
 * @param reason       why it is DOWN; absent when UP
 * @param subscribers  connected clients subscribed to at least one of its streams
 * @param streams      by stream wire name: last sequence and the age of the last message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableReport(
        @JsonProperty("table_id") String tableId,
        String status,
        String reason,
        int subscribers,
        Map<String, StreamPosition> streams) {

    /**
     * @param lastSequence     the stream's last sequence on this table; 0 before its first message
     * @param lastMessageAgeMs how long ago its last message was published here; null before the first
     */
    public record StreamPosition(
            @JsonProperty("last_sequence") long lastSequence,
            @JsonProperty("last_message_age_ms") Long lastMessageAgeMs) {
    }
}

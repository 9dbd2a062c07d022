package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The outer shape of every server-to-client message.
 *
 * @param type      the stream's wire name, or the control reply's type
 * @param tableId   the table a stream message is about; null (and so absent) for control replies
 * @param sequence  message number in the table's stream; null (and so absent on the wire) for control replies
 * @param timestamp when the message was serialized, ISO-8601 UTC with microseconds
 * @param tsUs      the same instant in epoch microseconds
 * @param data      the payload
 */
@JsonPropertyOrder({"type", "table_id", "sequence", "timestamp", "ts_us", "data"})
record Envelope(
        String type,
        @JsonProperty("table_id") @JsonInclude(JsonInclude.Include.NON_NULL) String tableId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sequence,
        String timestamp,
        @JsonProperty("ts_us") long tsUs,
        Object data) {
}

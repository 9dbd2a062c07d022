package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The {@code data} shapes of the control replies, in one place so the wire format is easy to review. */
final class Replies {

    static final String CONNECTION = "connection";
    static final String SUBSCRIBED = "subscribed";
    static final String UNSUBSCRIBED = "unsubscribed";
    static final String PONG = "pong";
    static final String PING = "ping";
    static final String STATUS = "status";
    static final String ERROR = "error";
    static final String AUTHENTICATED = "authenticated";
    static final String ACKED = "acked";

    private Replies() {
    }

    /**
     * Sent once, right after the connection opens.
     *
     * @param epoch changes when sequences restart; resume positions from another epoch are meaningless
     */
    record Welcome(
            @JsonProperty("client_id") String clientId,
            String status,
            String timestamp,
            @JsonProperty("server_version") String serverVersion,
            List<String> streams,
            List<String> tables,
            String epoch,
            @JsonProperty("auth_required") boolean authRequired) {
    }

    /**
     * Sent when a client has authenticated, by {@code ?token=} or by its {@code auth} message.
     *
     * @param userId  the token's subject or the API key's name; null under open access
     * @param streams the streams it may subscribe to
     * @param admin   whether it may use the operators' REST API
     */
    record Authenticated(
            @JsonProperty("user_id") String userId,
            List<String> streams,
            boolean admin) {
    }

    /**
     * Answer to subscribe and unsubscribe.
     *
     * @param streams          the streams this request actually added (or removed altogether), in
     *                         request order
     * @param tables           the tables the request covered
     * @param allSubscriptions every stream the client is now subscribed to, sorted by name
     * @param allTables        per stream the client is now subscribed to, the tables it has
     * @param recovered        subscribe with resume only: per resumed stream, whether every missed
     *                         message follows (by table when the position was given by table);
     *                         absent otherwise
     */
    record SubscriptionChange(
            List<String> streams,
            List<String> tables,
            @JsonProperty("all_subscriptions") List<String> allSubscriptions,
            @JsonProperty("all_tables") Map<String, List<String>> allTables,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> recovered) {
    }

    record Pong(
            String timestamp,
            @JsonProperty("server_ts_us") long serverTsUs,
            @JsonProperty("quality_score") double qualityScore) {
    }

    /** The server's heartbeat to a quiet client, which answers with any message (its own ping, a pong). */
    record Ping(
            String timestamp,
            @JsonProperty("server_ts_us") long serverTsUs) {
    }

    /**
     * Answer to get_status.
     *
     * @param userId          the authenticated subject; null under open access or before authenticating
     * @param uptime          seconds since the connection opened
     * @param tables          per subscribed stream, the tables it is received from
     * @param messageCount    messages received from the client (the original's meaning)
     * @param lastPingLatency seconds, or null until a ping carried a client timestamp
     * @param isAlive         heard from within the ping interval
     * @param link            latency, jitter, recent loss and the quality level
     */
    record Status(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("connected_at") String connectedAt,
            double uptime,
            List<String> subscriptions,
            Map<String, List<String>> tables,
            @JsonProperty("message_count") long messageCount,
            @JsonProperty("messages_sent") long messagesSent,
            @JsonProperty("messages_dropped") long messagesDropped,
            @JsonProperty("bytes_sent") long bytesSent,
            @JsonProperty("bytes_received") long bytesReceived,
            @JsonProperty("quality_score") double qualityScore,
            @JsonProperty("last_ping_latency") Double lastPingLatency,
            @JsonProperty("is_alive") boolean isAlive,
            Map<String, StreamFilter> filters,
            LinkHealth.Report link,
            @JsonProperty("pending_acks") int pendingAcks) {
    }

    /** @param requestType the offending message's type, absent when it could not be read */
    record ErrorReply(
            ErrorCode code,
            String message,
            @JsonProperty("request_type") @JsonInclude(JsonInclude.Include.NON_NULL) String requestType) {
    }
}

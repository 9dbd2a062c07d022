package io.cuecast.gateway.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.gateway.ClientSession;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.GatewaySnapshot;
import io.cuecast.gateway.Stream;
import io.cuecast.gateway.StreamFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The REST API's bean for operators, under {@code /api/v1/websocket} (the original system's
 * management surface): connections and their subscriptions, read from the gateway's one registry,
 * and the alerts an operator broadcasts. Requests that name a missing client get 404, malformed
 * ones 400, each with {@code {"error": "..."}}.
 */
public final class GatewayAdmin {
    /** Close code for a connection an operator ended (4000-4999: application codes). */
    public static final short DISCONNECTED_BY_OPERATOR = 4000;
    private static final Set<String> ALERT_LEVELS = Set.copyOf(StreamFields.ALERT_LEVELS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Gateway gateway;

    public GatewayAdmin(Gateway gateway) {
        this.gateway = gateway;
    }

    public List<Map<String, Object>> connections() {
        return gateway.sessions().stream().map(this::view).toList();
    }

    public Object connection(@Header("clientId") String clientId, Exchange exchange) {
        return withSession(clientId, exchange, this::view);
    }

    /** Subscribes the client as if it had sent {@code subscribe} itself: it gets the reply and any latest value. */
    public Object subscribe(@Header("clientId") String clientId, @Body Object body, Exchange exchange) {
        return changeSubscriptions("subscribe", clientId, body, exchange);
    }

    public Object unsubscribe(@Header("clientId") String clientId, @Body Object body, Exchange exchange) {
        return changeSubscriptions("unsubscribe", clientId, body, exchange);
    }

    public Object disconnect(@Header("clientId") String clientId, Exchange exchange) {
        return withSession(clientId, exchange, session -> {
            session.channel().close(DISCONNECTED_BY_OPERATOR, "disconnected by an operator");
            return Map.of("client_id", clientId, "disconnected", true);
        });
    }

    public Map<String, Object> health() {
        GatewaySnapshot snapshot = gateway.snapshot();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("connections", snapshot.connections());
        health.put("subscribers", byWireName(snapshot.subscribers()));
        health.put("messages_delivered", snapshot.messagesDelivered());
        health.put("messages_dropped", snapshot.messagesDropped());
        health.put("messages_failed", snapshot.messagesFailed());
        health.put("link_quality", gateway.linkQualities());
        return health;
    }

    /** The status, the connections, and how many connections are at each quality level. */
    public Map<String, Object> summary() {
        GatewaySnapshot snapshot = gateway.snapshot();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", "UP");
        summary.put("connections", snapshot.connections());
        summary.put("link_quality", gateway.linkQualities());
        return summary;
    }

    public Map<String, Object> metrics() {
        Map<String, Object> metrics = health();
        metrics.remove("status");
        Map<String, Object> lastSequences = new LinkedHashMap<>();
        gateway.snapshot().lastSequences().forEach((table, sequences) -> lastSequences.put(table, byWireName(sequences)));
        metrics.put("last_sequences", lastSequences);
        metrics.put("frame_encodes", gateway.frameEncodesByLevel());
        metrics.put("clients", connections());
        return metrics;
    }

    /**
     * The data of an {@code alert} message from the request's query: level (info, warning, error,
     * critical), message, an optional code, and the table (table_id, default the default table);
     * the route publishes it.
     */
    public Object alert(@Header("level") String level, @Header("message") String message,
                        @Header("code") String code, @Header("table_id") String table, Exchange exchange) {
        String normalised = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        if (!ALERT_LEVELS.contains(normalised) || message == null || message.isBlank()) {
            return badRequest(exchange, "an alert needs message=... and level= one of " + ALERT_LEVELS);
        }
        if (table != null && !gateway.tables().contains(table)) {
            return badRequest(exchange, "table_id '" + table + "' is not a table here; the tables are " + gateway.tables());
        }
        exchange.getMessage().setHeader("CuecastTable", table);
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("level", normalised);
        alert.put("message", message);
        alert.put("code", code);
        alert.put("details", Map.of("source", "operator"));
        return alert;
    }

    private Object changeSubscriptions(String type, String clientId, Object body, Exchange exchange) {
        Optional<List<String>> streams = streamsIn(body);
        if (streams.isEmpty()) {
            return badRequest(exchange, "the body must be {\"streams\": [names]} with names from " + Stream.wireNames());
        }
        Optional<List<String>> tables = tablesIn(body);
        if (tables.isEmpty()) {
            return badRequest(exchange, "\"tables\", when given, must be a list of table ids from " + gateway.tables());
        }
        return withSession(clientId, exchange, session -> {
            List<Stream> forbidden = type.equals("subscribe") ? forbiddenTo(session, streams.get()) : List.of();
            if (!forbidden.isEmpty()) {
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 403);
                return Map.of("error", "client '" + clientId + "' may not read "
                        + String.join(", ", forbidden.stream().map(Stream::wireName).toList()));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("streams", streams.get());
            if (!tables.get().isEmpty()) {
                data.put("tables", tables.get());
            }
            Map<String, Object> request = Map.of("type", type, "data", data);
            gateway.receive(session.connectionKey(), JSON.valueToTree(request).toString());
            return view(session);
        });
    }

    /** A client that has not authenticated may read nothing yet. */
    private static List<Stream> forbiddenTo(ClientSession session, List<String> names) {
        List<Stream> streams = names.stream().map(name -> Stream.fromWireName(name).orElseThrow()).toList();
        return session.principal().map(principal -> principal.forbidden(streams))
                .orElseGet(() -> streams.stream().distinct().toList());
    }

    /** The stream names in a request body, which arrives as text or already bound from JSON. */
    private static Optional<List<String>> streamsIn(Object body) {
        try {
            JsonNode request = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
            JsonNode streams = request == null ? null : request.path("streams");
            if (streams == null || !streams.isArray()) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : streams) {
                if (!name.isTextual() || Stream.fromWireName(name.asText()).isEmpty()) {
                    return Optional.empty();
                }
                names.add(name.asText());
            }
            return Optional.of(names);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The body's table ids: empty for none given (every table), absent when they are not all tables here. */
    private Optional<List<String>> tablesIn(Object body) {
        try {
            JsonNode request = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
            JsonNode ids = request == null ? null : request.get("tables");
            if (ids == null || ids.isNull()) {
                return Optional.of(List.of());
            }
            List<String> tables = new ArrayList<>();
            for (JsonNode id : ids) {
                if (!id.isTextual() || !gateway.tables().contains(id.asText())) {
                    return Optional.empty();
                }
                tables.add(id.asText());
            }
            return ids.isArray() && !tables.isEmpty() ? Optional.of(tables) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Object withSession(String clientId, Exchange exchange, Function<ClientSession, Object> action) {
        return gateway.sessionOfClient(clientId).map(action).orElseGet(() -> {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            return Map.of("error", "no connected client with id '" + clientId + "'");
        });
    }

    private Map<String, Object> view(ClientSession session) {
        Map<String, Object> view = JSON.convertValue(gateway.statusOf(session), new TypeReference<>() { });
        view.put("remote_address", session.remoteAddress());
        return view;
    }

    private static Map<String, Object> badRequest(Exchange exchange, String why) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
        return Map.of("error", why);
    }

    private static <V> Map<String, V> byWireName(Map<Stream, V> byStream) {
        Map<String, V> named = new LinkedHashMap<>();
        byStream.forEach((stream, value) -> named.put(stream.wireName(), value));
        return named;
    }
}

package io.cuecast.gateway.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a per-stream endpoint's URL ({@code /api/v1/ws/state?max_fps=10&include_fields=balls}) into
 * the {@code subscribe} message a client of the multiplexed endpoint would send, so that both kinds
 * of endpoint go through the same protocol handling and the same registry. Query parameters become
 * that stream's filters: numbers as numbers, the field lists as arrays, {@code conditions} as the
 * JSON object it spells (anything else stays text, which the filter check then refuses).
 */
final class StreamEndpointSubscription {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LIST_PARAMETERS = Set.of("include_fields", "exclude_fields");
    private static final String JSON_PARAMETER = "conditions";
    /**
     * Name the tables of a multi-table installation: {@code ?table=t3}, repeated or comma-separated
     * ({@code ?table=t3,t7}); {@code tables} is the same. Without them the client gets every table.
     */
    private static final Set<String> TABLE_PARAMETERS = Set.of("table", "tables");
    /** The client's credentials, read when the connection opens; never a filter. */
    static final String TOKEN_PARAMETER = "token";

    private StreamEndpointSubscription() {
    }

    static String subscribeMessage(String stream, String rawQuery) {
        ObjectNode data = JSON.createObjectNode();
        data.putArray("streams").add(stream);
        ObjectNode filter = JSON.createObjectNode();
        Set<String> tables = new LinkedHashSet<>();
        parameters(rawQuery).forEach((name, values) -> {
            if (TABLE_PARAMETERS.contains(name)) {
                values.forEach(value -> tables.addAll(listOf(value)));
            } else if (!name.equals(TOKEN_PARAMETER)) {
                putParameter(filter, name, values.get(values.size() - 1));
            }
        });
        if (!tables.isEmpty()) {
            ArrayNode ids = data.putArray("tables");
            tables.forEach(ids::add);
        }
        if (!filter.isEmpty()) {
            data.putObject("filters").set(stream, filter);
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "subscribe");
        message.set("data", data);
        return message.toString();
    }

    /** The {@code token} query parameter (its last value), if the client gave one. */
    static Optional<String> token(String rawQuery) {
        List<String> values = parameters(rawQuery).get(TOKEN_PARAMETER);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static Map<String, List<String>> parameters(String rawQuery) {
        return new QueryStringDecoder(rawQuery == null ? "" : rawQuery, false).parameters();
    }

    /** A comma-separated parameter's items, trimmed, blanks left out. */
    private static List<String> listOf(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static JsonNode jsonOrText(String value) {
        try {
            JsonNode parsed = JSON.readTree(value);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(value) : parsed;
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(value);
        }
    }

    private static void putParameter(ObjectNode filter, String name, String value) {
        if (name.equals(JSON_PARAMETER)) {
            filter.set(name, jsonOrText(value));
        } else if (LIST_PARAMETERS.contains(name)) {
            ArrayNode list = filter.putArray(name);
            listOf(value).forEach(list::add);
        } else if (value.matches("-?\\d+(\\.\\d+)?")) {
            filter.put(name, Double.parseDouble(value));
        } else {
            filter.put(name, value);
        }
    }
}

package io.cuecast.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The REST bean of {@code /api/v1/config}: reads and changes the live config sections. Errors set
 * the HTTP status (400 for a bad change, 404 for an unknown section) and answer
 * {@code {"error": ..., "problems": [...]}}; the route publishes only successful changes.
 */
public final class ConfigAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LiveConfig config;

    public ConfigAdmin(LiveConfig config) {
        this.config = config;
    }

    public Map<String, Object> all() {
        return Map.of("sections", config.all());
    }

    public Object section(@Header("section") String name, Exchange exchange) {
        return config.section(name).<Object>map(ConfigSection::values)
                .orElseGet(() -> error(exchange, 404, "no live config section '" + name + "'; there are "
                        + config.sectionNames(), List.of()));
    }

    public Object update(@Header("section") String name, @Body Object body, Exchange exchange) {
        Map<String, Object> changes;
        try {
            changes = changesIn(body);
        } catch (IllegalArgumentException e) {
            return error(exchange, 400, e.getMessage(), List.of(e.getMessage()));
        }
        try {
            return config.update(name, changes);
        } catch (NoSuchElementException e) {
            return error(exchange, 404, e.getMessage(), List.of());
        } catch (ConfigChangeRejected e) {
            return error(exchange, 400, "nothing was changed", e.problems());
        }
    }

    /** The body, as text or already bound from JSON, must be an object of key to value. */
    private static Map<String, Object> changesIn(Object body) {
        JsonNode node;
        try {
            node = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object of key to new value");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> changes.put(field.getKey(),
                field.getValue().isNumber() ? field.getValue().numberValue() : field.getValue().asText()));
        return changes;
    }

    private static Map<String, Object> error(Exchange exchange, int status, String message, List<String> problems) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", message, "problems", problems);
    }
}

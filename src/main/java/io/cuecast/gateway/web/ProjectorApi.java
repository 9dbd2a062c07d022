package io.cuecast.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

/** The projector's REST bean (routes/web-projector.camel.yaml): read and save the keystone calibration. */
public final class ProjectorApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeystoneStore store;

    public ProjectorApi(KeystoneStore store) {
        this.store = store;
    }

    public Map<String, Object> keystone() {
        return store.current().toJson();
    }

    /** {@code PUT}: 200 with what was saved; 400 naming the problem, and nothing saved. */
    public Object saveKeystone(@Body Object body, Exchange exchange) {
        Keystone keystone;
        try {
            JsonNode node = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
            keystone = Keystone.parse(node);
        } catch (JsonProcessingException e) {
            return error(exchange, 400, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return error(exchange, 400, e.getMessage());
        }
        try {
            store.save(keystone);
        } catch (IOException e) {
            return error(exchange, 500, "the calibration could not be saved: " + e.getMessage());
        }
        return keystone.toJson();
    }

    private static Map<String, Object> error(Exchange exchange, int status, String why) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", why);
    }
}

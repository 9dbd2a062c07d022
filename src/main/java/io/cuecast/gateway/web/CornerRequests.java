package io.cuecast.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.table.CornersFile;
import io.cuecast.table.FourCorners;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/** The REST side of four corners set by hand: a request's body checked, saved, and errors answered. */
final class CornerRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CornerRequests() {
    }

    /**
     * Saves the corners in the body ({@code {"corners": [...]}}, as JSON text or already bound).
     *
     * @return {@code answer}'s value once saved; else a 400 naming the problem (nothing saved) or a 500
     */
    static Object save(Object body, Exchange exchange, FourCorners.Surface surface, CornersFile file,
                       Supplier<Object> answer) {
        FourCorners corners;
        try {
            JsonNode node = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
            corners = FourCorners.parse(node, surface);
        } catch (JsonProcessingException e) {
            return error(exchange, 400, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return error(exchange, 400, e.getMessage());
        }
        try {
            file.save(corners);
        } catch (IOException e) {
            return error(exchange, 500, "the corners could not be saved: " + e.getMessage());
        }
        return answer.get();
    }

    static Map<String, Object> error(Exchange exchange, int status, String why) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        return Map.of("error", why);
    }
}

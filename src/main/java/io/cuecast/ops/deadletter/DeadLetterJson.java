package io.cuecast.ops.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dead letter as one JSON object: a line of the store's file, and what the REST API shows. The body
 * is base64; a summary (a listing) has {@code body_size} but no {@code body}.
 */
public final class DeadLetterJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterJson() {
    }

    public static ObjectNode toJson(DeadLetter letter) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", letter.id());
        node.put("time", letter.time().toString());
        node.put("updated", letter.updated().toString());
        node.put("route", letter.route());
        node.put("replay_route", letter.replayRoute());
        node.put("endpoint", letter.endpoint());
        node.put("status", letter.status().wireName());
        node.put("attempts", letter.attempts());
        ObjectNode failure = node.putObject("exception");
        failure.put("class", letter.failure().exceptionClass());
        failure.put("message", letter.failure().message());
        letter.failure().stack().forEach(failure.putArray("stack")::add);
        node.set("headers", JSON.valueToTree(letter.headers()));
        node.put("content_type", letter.body().contentType());
        node.put("body_size", letter.body().size());
        if (letter.body().hasBytes()) {
            node.put("body", letter.body().bytes());
        }
        return node;
    }

    public static String toLine(DeadLetter letter) {
        return toJson(letter).toString();
    }

    /** @throws IOException if the text is not a whole dead letter (a torn or corrupt line) */
    public static DeadLetter fromLine(String line) throws IOException {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode failure = required(node, "exception");
            List<String> stack = new ArrayList<>();
            failure.path("stack").forEach(frame -> stack.add(frame.asText()));
            byte[] bytes = node.hasNonNull("body") ? node.get("body").binaryValue() : new byte[0];
            String contentType = textOrNull(node, "content_type");
            MessageBody body = contentType == null ? MessageBody.EMPTY : MessageBody.of(contentType, bytes);
            Map<String, Object> headers = JSON.convertValue(node.path("headers"), new TypeReference<>() { });
            return new DeadLetter(required(node, "id").asText(), Instant.parse(required(node, "time").asText()),
                    Instant.parse(required(node, "updated").asText()), required(node, "route").asText(),
                    textOrNull(node, "replay_route"), textOrNull(node, "endpoint"), body,
                    headers == null ? Map.of() : headers,
                    new DeadLetter.Failure(required(failure, "class").asText(), textOrNull(failure, "message"), stack),
                    required(node, "attempts").asInt(), DeadLetterStatus.fromWireName(required(node, "status").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException("not a dead letter: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return value;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

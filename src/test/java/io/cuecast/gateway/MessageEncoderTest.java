package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {

    record Ball(int id, double x, double y) {
    }

    /** Has no properties, so Jackson refuses to serialize it. */
    static final class Opaque {
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456789Z"));
    private final ObjectMapper mapper = new ObjectMapper();
    private final MessageEncoder encoder = new MessageEncoder(mapper, clock);

    @Test
    void streamMessagesHaveTheEnvelopeInOrder() {
        String text = encoder.encodeStream(new TableStream("main", Stream.STATE), 42, Map.of("ball_count", 1)).text();

        assertEquals("{\"type\":\"state\",\"table_id\":\"main\",\"sequence\":42,\"timestamp\":\"2026-11-25T17:45:56.123456Z\","
                + "\"ts_us\":1795628756123456,\"data\":{\"ball_count\":1}}", text);
    }

    @Test
    void timestampAndTsUsAreTheSameInstantInMicroseconds() throws JsonProcessingException {
        JsonNode message = parse(encoder.encodeStream(new TableStream("main", Stream.STATE), 1, Map.of()).text());

        Instant stamped = Instant.parse(message.get("timestamp").asText());
        assertEquals(Timestamps.epochMicros(stamped), message.get("ts_us").asLong());
        assertEquals(Instant.parse("2026-11-25T17:45:56.123456Z"), stamped, "nanoseconds are truncated");
    }

    @Test
    void wholeSecondsStillHaveSixFractionDigits() throws JsonProcessingException {
        clock.advance(Duration.ofNanos(876_543_211)); // lands on 17:45:57.000000
        JsonNode message = parse(encoder.encodeControl("pong", Map.of()).text());
        assertEquals("2026-11-25T17:45:57.000000Z", message.get("timestamp").asText());
    }

    @Test
    void controlRepliesHaveNoSequenceField() throws JsonProcessingException {
        JsonNode message = parse(encoder.encodeControl("pong", Map.of("x", 1)).text());

        assertFalse(message.has("sequence"));
        assertEquals(List.of("type", "timestamp", "ts_us", "data"), fieldNames(message));
    }

    @Test
    void recordsSerializeByComponent() throws JsonProcessingException {
        JsonNode message = parse(
                encoder.encodeStream(new TableStream("main", Stream.STATE), 1, new Ball(3, 1.5, 2.5)).text());
        assertEquals(3, message.at("/data/id").asInt());
        assertEquals(2.5, message.at("/data/y").asDouble());
    }

    @Test
    void byteCountIsUtf8() {
        EncodedMessage message = encoder.encodeControl("error", Map.of("message", "é€😀"));
        assertEquals(message.text().getBytes(StandardCharsets.UTF_8).length, message.bytes());
    }

    @Test
    void unserializableDataIsAnIllegalArgumentNamingTheType() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> encoder.encodeStream(new TableStream("main", Stream.TRAJECTORY), 1, new Opaque()));
        assertTrue(e.getMessage().contains("'trajectory'"), e.getMessage());
    }

    private JsonNode parse(String text) throws JsonProcessingException {
        return mapper.readTree(text);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

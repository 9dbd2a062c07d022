package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conditions, conflation and link health through the running application: real WebSocket clients,
 * the simulator's states, alerts an operator broadcasts over HTTP, and the flush timer's own thread.
 */
class FiltersEndToEndTest extends AgainstOneCuecast {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aConditionOnTheStreamEndpointKeepsOnlyTheCueBall() throws Exception {
        String conditions = URLEncoder.encode("{\"balls\":{\"where\":{\"type\":\"cue\"}}}", StandardCharsets.UTF_8);
        try (WsClient cueOnly = WsClient.connect(app.ws("/api/v1/ws/state?conditions=" + conditions));
             WsClient everything = WsClient.connect(app.ws("/api/v1/ws/state"))) {
            cueOnly.nextOfType("subscribed", WAIT);
            List<JsonNode> cut = cueOnly.collect("state", 5, WAIT);
            List<JsonNode> whole = everything.collect("state", 5, WAIT);

            Set<String> typesSeen = new HashSet<>();
            whole.forEach(state -> state.path("data").path("balls").findValuesAsText("type").forEach(typesSeen::add));
            assertTrue(typesSeen.size() > 1, "the simulator's table has more than cue balls: " + typesSeen);
            for (JsonNode state : cut) {
                JsonNode balls = state.path("data").path("balls");
                // Only the filter is under test: how many balls detection calls "cue" in a frame is not.
                balls.forEach(ball -> assertEquals("cue", ball.path("type").asText(), state.toString()));
                assertTrue(state.path("data").path("ball_count").asInt() > balls.size(),
                        "ball_count still counts the whole table");
            }
        }
    }

    @Test
    void aBadConditionIsRefusedNamingTheFieldAndTheConnectionStaysUsable() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"],"
                    + "\"filters\":{\"state\":{\"conditions\":{\"balls\":{\"where\":{\"spin\":true}}}}}}}");
            JsonNode error = client.nextOfType("error", WAIT);
            assertEquals("INVALID_SUBSCRIBE_FORMAT", error.path("data").path("code").asText());
            assertTrue(error.path("data").path("message").asText()
                    .startsWith("data.filters.state.conditions.balls.where.spin names no field"), error.toString());
            client.send("{\"type\":\"ping\"}");
            client.nextOfType("pong", WAIT);
        }
    }

    @Test
    void conflationDeliversTheNewestAlertWhenTheIntervalEnds() throws Exception {
        try (WsClient conflated = WsClient.connect(app.ws("/api/v1/ws"));
             WsClient everything = WsClient.connect(app.ws("/api/v1/ws/alert"))) {
            conflated.nextOfType("connection", WAIT);
            // One alert per 5 s at most, and only warnings or worse.
            conflated.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\"],\"filters\":{\"alert\":"
                    + "{\"max_fps\":0.2,\"conditions\":{\"level\":{\"gte\":\"warning\"}}}}}}");
            conflated.nextOfType("subscribed", WAIT);
            everything.nextOfType("subscribed", WAIT);

            broadcast("warning", "first");
            broadcast("info", "below the condition");
            broadcast("error", "replaced before the interval ends");
            broadcast("critical", "newest");
            List<String> all = everything.collect("alert", 4, WAIT).stream()
                    .map(alert -> alert.path("data").path("message").asText()).toList();
            assertEquals(List.of("first", "below the condition", "replaced before the interval ends", "newest"), all);

            JsonNode first = conflated.nextOfType("alert", WAIT);
            assertEquals("first", first.path("data").path("message").asText());
            long firstArrived = System.nanoTime();
            // Alerts need acks, which this client does not send: on a slow machine the ack timeout may
            // pass first, and a redelivered copy of "first" come before the newest. That is the ack's
            // doing, not conflation's, so it is left out.
            JsonNode newest = conflated.nextMatching(m -> m.path("type").asText().equals("alert")
                    && !m.path("redelivered").asBoolean(), WAIT, "the next alert, not a redelivery");
            long waitedMillis = (System.nanoTime() - firstArrived) / 1_000_000;
            assertEquals("newest", newest.path("data").path("message").asText(),
                    "no further publish came: the flush timer sent the held alert on its own");
            assertTrue(waitedMillis > 3_000, "held until the 5 s interval ended, not sent at once: " + waitedMillis + " ms");
            assertTrue(newest.path("sequence").asLong() > first.path("sequence").asLong() + 1,
                    "the sequence jumps over what conflation left out");
            Await.unchangedFor(() -> conflated.drain().stream()
                    .filter(m -> m.path("type").asText().equals("alert") && !m.path("redelivered").asBoolean())
                    .count(), Duration.ofSeconds(1), "alerts after the newest");
        }
    }

    @Test
    void linkHealthShowsInStatusAndTheRestApi() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            String id = client.nextOfType("connection", WAIT).path("data").path("client_id").asText();
            client.send("{\"type\":\"ping\",\"data\":{\"timestamp\":" + System.currentTimeMillis() + "}}");
            client.nextOfType("pong", WAIT);
            client.send("{\"type\":\"get_status\"}");
            JsonNode link = client.nextOfType("status", WAIT).path("data").path("link");
            assertEquals(1, link.path("latency_samples").asLong(), link.toString());
            assertFalse(link.path("quality_level").asText().equals("UNKNOWN"), link.toString());

            JsonNode viaRest = JSON.readTree(get("/connections/" + id).body()).path("link");
            assertEquals(link.path("latency_ms"), viaRest.path("latency_ms"));
            assertEquals(link.path("quality_level"), viaRest.path("quality_level"));
            boolean listed = false;
            for (JsonNode connection : JSON.readTree(get("/connections").body())) {
                listed |= connection.path("client_id").asText().equals(id) && connection.path("link").has("jitter_ms");
            }
            assertTrue(listed);

            JsonNode summary = JSON.readTree(get("/health/summary").body());
            JsonNode counts = summary.path("link_quality");
            assertTrue(counts.path(link.path("quality_level").asText()).asInt() >= 1, summary.toString());
            assertEquals(JSON.readTree(get("/health").body()).path("link_quality").size(), counts.size());
        }
    }

    private void broadcast(String level, String message) throws Exception {
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(app.http("/api/v1/websocket/broadcast/alert?level="
                        + level + "&message=" + URLEncoder.encode(message, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http("/api/v1/websocket" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

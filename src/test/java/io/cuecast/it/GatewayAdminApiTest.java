package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operators' REST API under /api/v1/websocket, against real WebSocket clients. */
class GatewayAdminApiTest extends AgainstOneCuecast {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http("/api/v1/websocket" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http("/api/v1/websocket" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void operatorsSeeSubscribeAndDisconnectClientsThroughTheOneRegistry() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            String id = client.nextOfType("connection", WAIT).path("data").path("client_id").asText();
            JsonNode listed = JSON.readTree(get("/connections").body());
            assertTrue(listed.findValuesAsText("client_id").contains(id), listed.toString());

            HttpResponse<String> subscribed = post("/connections/" + id + "/subscribe", "{\"streams\":[\"state\"]}");
            assertEquals(200, subscribed.statusCode(), subscribed.body());
            assertEquals("state", JSON.readTree(subscribed.body()).path("subscriptions").get(0).asText());
            client.nextOfType("subscribed", WAIT);
            client.nextOfType("state", WAIT);
            client.send("{\"type\":\"get_status\"}");
            assertEquals("state", client.nextOfType("status", WAIT).path("data").path("subscriptions").get(0).asText(),
                    "the client's own status agrees with the REST API");

            HttpResponse<String> unsubscribed = post("/connections/" + id + "/unsubscribe", "{\"streams\":[\"state\"]}");
            assertEquals(0, JSON.readTree(unsubscribed.body()).path("subscriptions").size(), unsubscribed.body());
            assertEquals(0, JSON.readTree(get("/connections/" + id).body()).path("subscriptions").size());

            assertEquals(200, post("/connections/" + id + "/disconnect", "{}").statusCode());
            WsClient.Closing closing = client.awaitClose(WAIT);
            assertEquals(4000, closing.code());
            Await.until(() -> get("/connections/" + id).statusCode(), code -> code == 404, WAIT,
                    "the disconnected client to leave the registry");
        }
    }

    @Test
    void anOperatorsAlertReachesAlertSubscribers() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/alert"))) {
            client.nextOfType("subscribed", WAIT);
            HttpResponse<String> sent = post("/broadcast/alert?level=warning&message=cushion+lamp+flickers&code=OPS_1", "");
            assertEquals(200, sent.statusCode(), sent.body());
            JsonNode alert = client.nextOfType("alert", WAIT);
            assertEquals("warning", alert.path("data").path("level").asText());
            assertEquals("cushion lamp flickers", alert.path("data").path("message").asText());
            assertEquals("OPS_1", alert.path("data").path("code").asText());
            assertTrue(alert.path("sequence").asLong() >= 1);
        }
    }

    @Test
    void operatorsPauseAndResumeThePipelineWhileClientsStayConnected() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/state"))) {
            client.nextOfType("state", WAIT);
            JsonNode stopped = JSON.readTree(post("/system/stop", "").body());
            assertEquals("stopped", stopped.path("pipeline").asText());
            // 30 frames' time at 30 fps: a running camera would have captured some.
            Await.unchangedFor(this::camelFramesCaptured, Duration.ofSeconds(1), "frames captured while stopped");
            long capturedBefore = camelFramesCaptured();
            client.send("{\"type\":\"ping\"}");
            client.nextOfType("pong", WAIT);
            assertEquals("running", JSON.readTree(post("/system/start", "").body()).path("pipeline").asText());
            Await.until(this::camelFramesCaptured, n -> n > capturedBefore, WAIT, "frames again after the start");
            assertEquals("running", JSON.readTree(get("/system").body()).path("pipeline").asText());
        }
    }

    private long camelFramesCaptured() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(app.http("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(health.body()).path("components").path("camera").path("frames_captured").asLong();
    }

    @Test
    void badRequestsGetAClearErrorAndTheRightStatus() throws Exception {
        HttpResponse<String> missing = get("/connections/no-such-client");
        assertEquals(404, missing.statusCode());
        assertEquals("no connected client with id 'no-such-client'", JSON.readTree(missing.body()).path("error").asText());
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            String id = client.nextOfType("connection", WAIT).path("data").path("client_id").asText();
            HttpResponse<String> badStream = post("/connections/" + id + "/subscribe", "{\"streams\":[\"video\"]}");
            assertEquals(400, badStream.statusCode());
            assertTrue(JSON.readTree(badStream.body()).path("error").asText().contains("frame, state"));
        }
        assertEquals(400, post("/broadcast/alert?level=loud&message=x", "").statusCode());
        JsonNode health = JSON.readTree(get("/health").body());
        assertEquals("UP", health.path("status").asText());
        assertTrue(health.path("subscribers").has("state"));
    }
}

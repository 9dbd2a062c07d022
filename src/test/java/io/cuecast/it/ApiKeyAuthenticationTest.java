package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cuecast with static API keys from its configuration, against real WebSocket clients. */
class ApiKeyAuthenticationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCOREBOARD_KEY = "sb-0123456789abcdef";
    private static final String OPS_KEY = "ops-fedcba9876543210";
    private static RunningCuecast app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningCuecast.start("--cuecast.gateway.auth.mode=api-key",
                "--cuecast.gateway.auth.api-keys=scoreboard:" + SCOREBOARD_KEY + ":state; ops:" + OPS_KEY + ":*:admin");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    void aKeyInTheFirstMessageGrantsItsStreamsOnly() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"auth\",\"data\":{\"token\":\"" + SCOREBOARD_KEY + "\"}}");
            assertEquals("scoreboard", client.nextOfType("authenticated", WAIT).at("/data/user_id").asText());

            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"alert\"]}}");
            JsonNode refused = client.nextOfType("error", WAIT);
            assertEquals("FORBIDDEN", refused.at("/data/code").asText());
            assertEquals("Not permitted to subscribe to alert; this client may read state. No subscription was changed.",
                    refused.at("/data/message").asText());
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}");
            client.nextOfType("subscribed", WAIT);
            client.nextOfType("state", WAIT);
        }
    }

    @Test
    void aKeyInThePerStreamUrlSubscribesAtOnce() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/alert?token=" + OPS_KEY))) {
            assertTrue(client.nextOfType("authenticated", WAIT).at("/data/admin").asBoolean());
            assertEquals("alert", client.nextOfType("subscribed", WAIT).at("/data/streams/0").asText());
        }
    }

    @Test
    void theOperatorsApiWantsTheBearerKeyOfAnAdmin() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/websocket/connections", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("{\"error\":\"an Authorization: Bearer <token> header is required\"}", anonymous.body());
        HttpResponse<String> viewer = get("/api/v1/websocket/connections", SCOREBOARD_KEY);
        assertEquals(403, viewer.statusCode());
        assertEquals("{\"error\":\"'scoreboard' does not have the admin role\"}", viewer.body());
        assertEquals(401, get("/api/v1/websocket/system/stop", SCOREBOARD_KEY + "x").statusCode());
        assertEquals(401, get("/api/v1/dead-letters", null).statusCode(), "dead letters are the operators' too");
        assertEquals(403, get("/api/v1/dead-letters/some-id", SCOREBOARD_KEY).statusCode());
        assertEquals(200, get("/api/v1/dead-letters", OPS_KEY).statusCode());

        HttpResponse<String> operator = get("/api/v1/websocket/connections", OPS_KEY);
        assertEquals(200, operator.statusCode(), operator.body());
        assertTrue(operator.body().startsWith("["), operator.body());
        int health = get("/api/v1/health", null).statusCode();
        assertTrue(health == 200 || health == 503, "the health check stays open: " + health);
    }

    @Test
    void theGameApiWantsABearerKeyGrantingItsStream() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/game/events", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, get("/api/v1/game/state", SCOREBOARD_KEY + "x").statusCode());
        HttpResponse<String> withoutEvents = get("/api/v1/game/events?since=0", SCOREBOARD_KEY);
        assertEquals(403, withoutEvents.statusCode());
        assertEquals("{\"error\":\"'scoreboard' may not read the events stream\"}", withoutEvents.body());

        HttpResponse<String> events = get("/api/v1/game/events?since=0", OPS_KEY);
        assertEquals(200, events.statusCode(), events.body());
        assertTrue(events.body().contains("\"events\""), events.body());
        // The scoreboard reads state, so the game's state too (503 only until the camera's first state).
        HttpResponse<String> state = Await.until(() -> get("/api/v1/game/state", SCOREBOARD_KEY),
                reply -> reply.statusCode() != 503, WAIT, "the first state");
        assertEquals(200, state.statusCode(), state.body());
    }

    @Test
    void theTablesApiAnswersWhoeverMayReadState() throws Exception {
        assertEquals(401, get("/api/v1/tables", null).statusCode());
        HttpResponse<String> tables = get("/api/v1/tables", SCOREBOARD_KEY);
        assertEquals(200, tables.statusCode(), tables.body());
        assertTrue(tables.body().contains("\"table_id\":\"main\""), tables.body());
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.http(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownKeyIsClosedWith4401() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws?token=" + SCOREBOARD_KEY + "x"))) {
            WsClient.Closing closing = client.awaitClose(WAIT);
            assertEquals(4401, closing.code());
            assertEquals("unknown API key", closing.reason());
        }
    }
}

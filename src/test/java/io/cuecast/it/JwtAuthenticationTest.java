package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.gateway.auth.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cuecast with JWT authentication (HS256), against real WebSocket clients presenting tokens minted
 * as an identity provider would: in the URL, in the first message, and on the per-stream endpoint.
 */
class JwtAuthenticationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningCuecast app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningCuecast.start("--cuecast.gateway.auth.mode=jwt",
                "--cuecast.gateway.auth.jwt.hs256-secret=" + Tokens.SECRET,
                "--cuecast.gateway.auth.timeout-seconds=2");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static String token(String subject, String... streams) {
        return Tokens.hs256(Tokens.claims(subject, Instant.now(), List.of(streams)).build());
    }

    private static JsonNode subscribe(WsClient client, String stream) throws InterruptedException {
        client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"" + stream + "\"]}}");
        return client.nextMatching(m -> m.path("type").asText().matches("subscribed|error"), WAIT, "the subscribe's reply");
    }

    @Test
    void aTokenInTheUrlAuthenticatesAndItsStreamsAreEnforced() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws?token=" + token("wall-display", "state")))) {
            JsonNode welcome = client.next(WAIT);
            assertEquals("connection", welcome.path("type").asText());
            assertFalse(welcome.at("/data/auth_required").asBoolean());
            JsonNode authenticated = client.next(WAIT);
            assertEquals("authenticated", authenticated.path("type").asText());
            assertEquals("wall-display", authenticated.at("/data/user_id").asText());

            JsonNode refused = subscribe(client, "trajectory");
            assertEquals("FORBIDDEN", refused.at("/data/code").asText());
            assertTrue(refused.at("/data/message").asText().startsWith("Not permitted to subscribe to trajectory;"),
                    refused.toString());
            assertEquals("subscribed", subscribe(client, "state").path("type").asText());
            client.nextOfType("state", WAIT);

            String id = welcome.at("/data/client_id").asText();
            JsonNode view = JSON.readTree(http("GET", "/connections/" + id).body());
            assertEquals("wall-display", view.path("user_id").asText(), "operators see who the client is");
            HttpResponse<String> forbidden = http("POST", "/connections/" + id + "/subscribe");
            assertEquals(403, forbidden.statusCode(), forbidden.body());
            assertEquals("client '" + id + "' may not read trajectory", JSON.readTree(forbidden.body()).path("error").asText());
        }
    }

    @Test
    void aBadTokenInTheUrlIsClosedWith4401BeforeAnyWelcome() throws Exception {
        String expired = Tokens.hs256(Tokens.claims("late", Instant.now().minusSeconds(7200), List.of("state")).build());
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws?token=" + expired))) {
            WsClient.Closing closing = client.awaitClose(WAIT);
            assertEquals(4401, closing.code());
            assertEquals("invalid token: Expired JWT", closing.reason());
            assertTrue(client.drain().isEmpty(), "nothing before the close, not even the welcome");
        }
    }

    @Test
    void aClientAuthenticatesWithItsFirstMessage() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            assertTrue(client.nextOfType("connection", WAIT).at("/data/auth_required").asBoolean());
            assertEquals("AUTH_REQUIRED", subscribe(client, "state").at("/data/code").asText());

            client.send("{\"type\":\"auth\",\"data\":{\"token\":\"" + token("coach", "state", "events") + "\"}}");
            JsonNode authenticated = client.nextOfType("authenticated", WAIT);
            assertEquals("coach", authenticated.at("/data/user_id").asText());
            assertEquals(List.of("state", "events"), List.of(authenticated.at("/data/streams/0").asText(),
                    authenticated.at("/data/streams/1").asText()));

            assertEquals("subscribed", subscribe(client, "state").path("type").asText());
            client.nextOfType("state", WAIT);
        }
    }

    @Test
    void aBadTokenInTheAuthMessageOrNoneInTimeClosesWith4401() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"auth\",\"data\":{\"token\":\"" + Tokens.hs256(Tokens.claims("x", Instant.now(),
                    List.of("state")).build(), Tokens.SECRET + "-other") + "\"}}");
            WsClient.Closing closing = client.awaitClose(WAIT);
            assertEquals(4401, closing.code());
            assertEquals("invalid token: Signed JWT rejected: Invalid signature", closing.reason());
        }
        try (WsClient silent = WsClient.connect(app.ws("/api/v1/ws"))) {
            silent.nextOfType("connection", WAIT);
            WsClient.Closing closing = silent.awaitClose(WAIT);
            assertEquals(4401, closing.code());
            assertEquals("not authenticated within 2 s", closing.reason());
        }
    }

    @Test
    void thePerStreamEndpointTakesTheTokenFromItsUrlAndNotAsAFilter() throws Exception {
        String url = "/api/v1/ws/state?max_fps=5&token=" + token("scoreboard", "state");
        try (WsClient client = WsClient.connect(app.ws(url))) {
            assertEquals(List.of("connection", "authenticated", "subscribed"), List.of(client.next(WAIT).path("type").asText(),
                    client.next(WAIT).path("type").asText(), client.next(WAIT).path("type").asText()));
            client.nextOfType("state", WAIT);
            client.send("{\"type\":\"get_status\"}");
            JsonNode status = client.nextOfType("status", WAIT).path("data");
            assertEquals("scoreboard", status.path("user_id").asText());
            assertEquals("{\"max_fps\":5.0}", status.at("/filters/state").toString(), "token is no filter");
        }
    }

    @Test
    void thePerStreamEndpointRefusesAMissingTokenAndAStreamNotGranted() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/state"))) {
            WsClient.Closing closing = client.awaitClose(WAIT);
            assertEquals(4401, closing.code());
            assertEquals("a token is required: add ?token=... to the URL", closing.reason());
        }
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/trajectory?token=" + token("scoreboard", "state")))) {
            JsonNode refused = client.nextOfType("error", WAIT);
            assertEquals("FORBIDDEN", refused.at("/data/code").asText());
            assertTrue(refused.at("/data/message").asText().contains("trajectory"), refused.toString());
            client.send("{\"type\":\"get_status\"}");
            assertEquals(0, client.nextOfType("status", WAIT).at("/data/subscriptions").size());
        }
    }

    private static HttpResponse<String> http(String method, String path) throws Exception {
        String operator = Tokens.hs256(Tokens.claims("operator", Instant.now(), List.of()).claim("admin", true).build());
        HttpRequest.Builder request = HttpRequest.newBuilder(app.http("/api/v1/websocket" + path))
                .header("Authorization", "Bearer " + operator);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"streams\":[\"trajectory\"]}"));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

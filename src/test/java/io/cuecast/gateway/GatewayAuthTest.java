package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.gateway.auth.ApiKeyAuthenticator;
import io.cuecast.gateway.auth.AuthSettings;
import io.cuecast.gateway.auth.JwtAuthenticator;
import io.cuecast.gateway.auth.JwtSettings;
import io.cuecast.gateway.auth.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Authentication and per-stream permissions in the gateway, with API keys (the JWT and key checks
 * themselves are tested in the auth package): first-message auth, ?token= on connect, the
 * authentication timeout and refused subscriptions.
 */
class GatewayAuthTest {
    private static final String SCOREBOARD_KEY = "sb-0123456789abcdef";
    private static final String OPS_KEY = "ops-fedcba9876543210";

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock, new AuthSettings(
            ApiKeyAuthenticator.parse("keys", "scoreboard:" + SCOREBOARD_KEY + ":state,events;ops:" + OPS_KEY + ":*:admin"),
            Duration.ofSeconds(10)));

    private static String auth(String token) {
        return "{'type':'auth','data':{'token':'" + token + "'}}";
    }

    @Test
    void aClientWithoutATokenIsToldToAuthenticateAndMayOnlyAuthOrPing() {
        TestClient client = new TestClient(gateway, "a");
        assertTrue(client.received().get(0).at("/data/auth_required").asBoolean());

        JsonNode refused = client.request("{'type':'subscribe','data':{'streams':['state']}}");
        assertEquals("AUTH_REQUIRED", refused.at("/data/code").asText());
        assertEquals("subscribe", refused.at("/data/request_type").asText());
        assertEquals("AUTH_REQUIRED", client.request("{'type':'get_status'}").at("/data/code").asText());
        assertEquals("pong", client.request("{'type':'ping'}").get("type").asText());
        assertTrue(gateway.subscriptions().streamsOf(client.session).isEmpty());
        assertTrue(client.channel.closed().isEmpty(), "refused messages keep the connection");
    }

    @Test
    void aGoodAuthMessageAuthenticatesAndGrantsTheKeysStreams() {
        TestClient client = new TestClient(gateway, "a");

        JsonNode authenticated = client.request(auth(SCOREBOARD_KEY));

        assertEquals("authenticated", authenticated.get("type").asText());
        assertFalse(authenticated.has("sequence"));
        assertEquals("scoreboard", authenticated.at("/data/user_id").asText());
        assertEquals(List.of("state", "events"), texts(authenticated.at("/data/streams")));
        assertFalse(authenticated.at("/data/admin").asBoolean());
        assertEquals("subscribed", client.firstReplyTo("{'type':'subscribe','data':{'streams':['state']}}")
                .get("type").asText());
        assertEquals("scoreboard", client.request("{'type':'get_status'}").at("/data/user_id").asText());
    }

    @Test
    void aSubscriptionToAStreamNotGrantedIsRefusedNamingItAndChangesNothing() {
        TestClient client = new TestClient(gateway, "a");
        client.request(auth(SCOREBOARD_KEY));
        client.firstReplyTo("{'type':'subscribe','data':{'streams':['events']}}");

        JsonNode refused = client.request("{'type':'subscribe','data':{'streams':['state','trajectory','alert','trajectory']}}");

        assertEquals("FORBIDDEN", refused.at("/data/code").asText());
        assertEquals("Not permitted to subscribe to trajectory, alert; this client may read state, events."
                + " No subscription was changed.", refused.at("/data/message").asText());
        assertEquals(List.of(Stream.EVENTS), gateway.subscriptions().streamsOf(client.session).stream().toList(),
                "the permitted state was not subscribed either: all or nothing");
        gateway.publish(Stream.TRAJECTORY, Map.of("n", 1));
        assertTrue(client.ofType("trajectory").isEmpty());
    }

    @Test
    void aBadOrMissingTokenInTheAuthMessageClosesWith4401AndForgetsTheClient() {
        TestClient unknown = new TestClient(gateway, "a");
        unknown.send(auth("not-a-key-0000000000"));
        assertEquals(new RecordingChannel.Close(4401, "unknown API key"), unknown.channel.closed().orElseThrow());
        assertTrue(gateway.session("a").isEmpty());

        TestClient malformed = new TestClient(gateway, "b");
        malformed.send("{'type':'auth','data':{'token':42}}");
        assertEquals(new RecordingChannel.Close(4401, "auth needs data.token, a non-empty string"),
                malformed.channel.closed().orElseThrow());
        assertEquals(0, gateway.connectionCount());
    }

    @Test
    void aSecondAuthIsRefusedAndKeepsTheFirstIdentity() {
        TestClient client = new TestClient(gateway, "a");
        client.request(auth(SCOREBOARD_KEY));

        JsonNode refused = client.request(auth(OPS_KEY));

        assertEquals("ALREADY_AUTHENTICATED", refused.at("/data/code").asText());
        assertEquals("scoreboard", client.session.principal().orElseThrow().subject());
    }

    @Test
    void aClientThatDoesNotAuthenticateInTimeIsClosedWith4401() {
        TestClient silent = new TestClient(gateway, "a");
        TestClient prompt = new TestClient(gateway, "b");
        prompt.request(auth(SCOREBOARD_KEY));

        clock.advance(Duration.ofSeconds(10));
        gateway.sweep();
        assertTrue(silent.channel.closed().isEmpty(), "closed only past the timeout");

        clock.advance(Duration.ofMillis(1));
        gateway.sweep();

        assertEquals(new RecordingChannel.Close(4401, "not authenticated within 10 s"), silent.channel.closed().orElseThrow());
        assertTrue(prompt.channel.closed().isEmpty());
        assertEquals(1, gateway.connectionCount());
    }

    @Test
    void aConnectionIsClosedWith4401OnceItsJwtExpires() {
        JwtAuthenticator jwt = new JwtAuthenticator(new JwtSettings(Optional.of(Tokens.SECRET), Optional.empty(),
                Optional.empty(), Optional.empty(), "streams", "admin", Duration.ZERO), clock);
        Gateway protectedByJwt = new Gateway(GatewaySettings.defaults("v"), clock,
                new AuthSettings(jwt, Duration.ofSeconds(10)));
        // A JWT's times are whole seconds.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = Tokens.hs256(Tokens.claims("wall", now, List.of("state"))
                .expirationTime(Date.from(now.plusSeconds(30))).build());
        RecordingChannel channel = new RecordingChannel();
        assertTrue(protectedByJwt.connect("a", channel, "10.0.0.7:1", token).isPresent());

        clock.advance(Duration.ofSeconds(29));
        protectedByJwt.sweep();
        assertTrue(channel.closed().isEmpty(), "not before exp (clock skew allowed: none here)");

        clock.advance(Duration.ofSeconds(1));
        protectedByJwt.sweep();
        assertEquals(new RecordingChannel.Close(4401, "token expired"), channel.closed().orElseThrow());
        assertEquals(0, protectedByJwt.connectionCount());
    }

    @Test
    void aGoodTokenOnConnectIsWelcomedAndAuthenticatedAtOnce() {
        RecordingChannel channel = new RecordingChannel();

        Optional<ClientSession> session = gateway.connect("a", channel, "10.0.0.7:1", OPS_KEY);

        assertTrue(session.isPresent());
        List<JsonNode> sent = channel.sent().stream().map(TestClient::parse).toList();
        assertEquals(List.of("connection", "authenticated"), sent.stream().map(m -> m.get("type").asText()).toList());
        assertFalse(sent.get(0).at("/data/auth_required").asBoolean());
        assertTrue(sent.get(1).at("/data/admin").asBoolean());
        assertEquals(Stream.wireNames(), texts(sent.get(1).at("/data/streams")));
    }

    @Test
    void aBadOrMissingTokenOnConnectIsClosedWith4401BeforeAnyWelcome() {
        RecordingChannel bad = new RecordingChannel();
        assertTrue(gateway.connect("a", bad, "10.0.0.7:1", "not-a-key-0000000000").isEmpty());
        assertEquals(new RecordingChannel.Close(4401, "unknown API key"), bad.closed().orElseThrow());
        assertTrue(bad.sent().isEmpty());

        RecordingChannel missing = new RecordingChannel();
        assertTrue(gateway.connect("b", missing, "10.0.0.7:2", null).isEmpty());
        assertEquals(new RecordingChannel.Close(4401, "a token is required: add ?token=... to the URL"),
                missing.closed().orElseThrow());
        assertEquals(0, gateway.connectionCount());
    }

    @Test
    void underOpenAccessEveryClientIsAnonymousAndAuthIsAnsweredWithoutReadingTheToken() {
        Gateway open = new Gateway(GatewaySettings.defaults("v"), clock);
        TestClient client = new TestClient(open, "a");
        assertFalse(client.received().get(0).at("/data/auth_required").asBoolean());

        JsonNode authenticated = client.request(auth("anything"));

        assertEquals("authenticated", authenticated.get("type").asText());
        assertTrue(authenticated.at("/data/user_id").isNull());
        assertEquals(Stream.wireNames(), texts(authenticated.at("/data/streams")));
        assertTrue(client.request("{'type':'get_status'}").at("/data/user_id").isNull());
        assertTrue(open.connect("b", new RecordingChannel(), "10.0.0.7:2", null).isPresent(), "no token needed");
    }

    @Test
    void aLongRefusalIsCutToWhatACloseFrameHolds() {
        Closing closing = Closing.unauthorized("é".repeat(100));
        assertEquals(4401, closing.code());
        assertEquals("é".repeat(61), closing.reason(), "61 two-byte characters fit in 123 bytes");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}

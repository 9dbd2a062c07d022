package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged server while the pipeline runs: every dead letter it had reported is
 * there after a restart on the same store, and every alert a client had not acknowledged yet
 * becomes one. The letters are real: alerts a client never acknowledged.
 */
class DeadLettersSurviveKillIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path store;

    private JsonNode get(RunningJar jar, String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(jar.http(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void deadLettersSurviveAKillMinus9() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        String storeArg = "--cuecast.dead-letters.dir=" + store;
        List<String> ids = new ArrayList<>();
        RunningJar first = RunningJar.start(port, environment -> { }, storeArg,
                "--cuecast.gateway.ack.timeout-seconds=1", "--cuecast.gateway.ack.max-deliveries=1");
        try {
            first.awaitHealth();
            try (WsClient client = WsClient.connect(URI.create("ws://localhost:" + port + "/api/v1/ws"))) {
                client.nextOfType("connection", WAIT);
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\"]}}");
                client.nextOfType("subscribed", WAIT);
                for (int i = 1; i <= 3; i++) {
                    http.send(HttpRequest.newBuilder(first.http("/api/v1/websocket/broadcast/alert?message=m" + i))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                }
                JsonNode listed = Await.until(() -> get(first, "/api/v1/dead-letters?cause=NotAcknowledged"),
                        list -> list.path("count").asInt() == 3, WAIT, "three unacknowledged alerts dead-lettered");
                listed.path("dead_letters").forEach(letter -> ids.add(letter.path("id").asText()));
            }
        } finally {
            first.kill();
        }

        try (RunningJar second = RunningJar.start(port, environment -> { }, storeArg)) {
            second.awaitHealth();
            JsonNode listed = get(second, "/api/v1/dead-letters?status=pending");
            List<String> after = new ArrayList<>();
            listed.path("dead_letters").forEach(letter -> after.add(letter.path("id").asText()));
            assertEquals(ids, after, "every letter reported before the kill is there, in order");
            assertEquals("m1", JSON.readTree(Base64.getDecoder().decode(
                    get(second, "/api/v1/dead-letters/" + ids.get(0)).path("body").asText())).path("message").asText());
        }
    }

    @Test
    void alertsAwaitingAnAckAtAKillMinus9AreDeadLettersAfterTheRestart() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        String storeArg = "--cuecast.dead-letters.dir=" + store;
        String clientId;
        RunningJar first = RunningJar.start(port, environment -> { }, storeArg, "--cuecast.gateway.ack.timeout-seconds=600");
        try {
            first.awaitHealth();
            try (WsClient client = WsClient.connect(URI.create("ws://localhost:" + port + "/api/v1/ws"))) {
                clientId = client.nextOfType("connection", WAIT).at("/data/client_id").asText();
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\"]}}");
                client.nextOfType("subscribed", WAIT);
                for (String message : List.of("acked", "awaited")) {
                    http.send(HttpRequest.newBuilder(first.http("/api/v1/websocket/broadcast/alert?message=" + message))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                }
                long acked = client.nextOfType("alert", WAIT).path("sequence").asLong();
                client.nextOfType("alert", WAIT);
                client.send("{\"type\":\"ack\",\"data\":{\"stream\":\"alert\",\"sequence\":" + acked + "}}");
                client.nextOfType("acked", WAIT);
                // Killed with the client still connected: nothing gets the chance to hand the awaited alert over.
                first.kill();
            }
        } finally {
            first.kill();
        }

        try (RunningJar second = RunningJar.start(port, environment -> { }, storeArg)) {
            second.awaitHealth();
            JsonNode listed = Await.until(() -> get(second, "/api/v1/dead-letters?cause=ServerStopped"),
                    list -> list.path("count").asInt() > 0, WAIT, "the alert awaiting an ack at the kill");
            assertEquals(1, listed.path("count").asInt(), listed.toString());
            JsonNode letter = listed.path("dead_letters").get(0);
            assertEquals(clientId, letter.at("/headers/CuecastClientId").asText());
            assertEquals("awaited", JSON.readTree(Base64.getDecoder().decode(
                    get(second, "/api/v1/dead-letters/" + letter.path("id").asText()).path("body").asText()))
                    .path("message").asText());
        }
    }
}

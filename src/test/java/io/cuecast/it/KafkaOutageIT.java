package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker dies under a running node (docs/SCALING.md, "When the broker goes down"). One packaged
 * Cuecast, roles vision and gateway, on a broker of this test's own, serves a WebSocket client through
 * Kafka; the broker is killed with kill -9 and later started again on the same storage.
 *
 * <p>While it is down the node stays up and tells its operators: the state stream's breaker opens, the
 * messages go to its dead letters, the tables API reports the table DOWN. The PUBLISH_FAILING alert
 * cannot reach any client (alerts travel through Kafka too): it is in the dead letters. When the broker
 * is back the client gets fresh state messages (the numbers used by failed sends are a gap, nothing
 * repeats) and PUBLISH_FAILING_RESTORED. The dead letters replay over REST: each goes out under a new
 * number with its old content, a replayed state included, which is why state letters are to be purged.
 */
class KafkaOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE_PUBLICATION = "the state stream's publication";

    @TempDir
    Path work;

    /** Every state sequence the client received, in order of arrival. */
    private final List<Long> stateSequences = new ArrayList<>();

    @Test
    void whileTheBrokerIsDownTheNodeDeadLettersAndSaysSoAndWhenItIsBackItPublishesAgain() throws Exception {
        OwnKafkaBroker broker = OwnKafkaBroker.start(work.resolve("kafka"));
        RunningJar node = null;
        try {
            node = RunningJar.start(AvailablePortFinder.getNextAvailable(),
                    environment -> environment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m"),
                    "--cuecast.node.roles=vision,gateway", "--cuecast.node.id=vision-1", "--cuecast.tables=main",
                    "--cuecast.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--cuecast.kafka.topic-prefix=" + KafkaForTests.freshTopicPrefix(),
                    "--cuecast.dead-letters.dir=" + work.resolve("dead-letters"),
                    "--cuecast.camera.fps=10", "--cuecast.camera.width=640", "--cuecast.camera.height=360",
                    "--cuecast.camera.stale-after-seconds=5",
                    // Two failed sends (of about 9 s each: 3 s per try, 3 tries) open a breaker, not five: a shorter test.
                    "--cuecast.publish.breaker.failures=2");
            node.awaitHealth();
            JsonHttp http = JsonHttp.onPort(node.port);

            try (WsClient client = WsClient.connect(URI.create("ws://localhost:" + node.port + "/api/v1/ws"))) {
                client.nextOfType("connection", WAIT);
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"events\",\"alert\"]}}");
                client.nextOfType("subscribed", WAIT);
                while (stateSequences.size() < 10) {
                    read(client, KafkaOutageIT::isState, "state messages through Kafka");
                }

                broker.kill();
                long killedAt = System.nanoTime();
                JsonNode outage = Await.until(() -> http.get("/api/v1/health").body(),
                        health -> breaker(health, "publish-state").equals("OPEN") && health.path("status").asText().equals("DOWN")
                                && health.path("components").path("camel").path("down").toString().contains("kafka-feed"),
                        WAIT, "the state stream's breaker OPEN and the Kafka consumer DOWN on /api/v1/health");
                double secondsToOpen = secondsSince(killedAt);
                assertEquals("DEGRADED", outage.path("components").path("circuit_breakers").path("status").asText(), outage.toString());
                assertEquals(200, http.get("/observe/health/live").status(),
                        "liveness stays UP: a broker outage is no reason to restart the node");
                readAll(client);
                long lastBeforeRecovery = last(stateSequences);

                // The breaker, open, dead-letters without trying; the alert could not go out and is a dead letter too.
                Await.until(() -> Letters.read(http),
                        letters -> ofStream(letters.listing(), "state").stream().filter(KafkaOutageIT::notTried).count() >= 3
                                && letters.alerts().contains("PUBLISH_FAILING " + STATE_PUBLICATION),
                        WAIT, "state messages dead-lettered by the open breaker, and the PUBLISH_FAILING alert");
                Await.until(() -> http.get("/api/v1/tables").body().path(0).path("status").asText(), "DOWN"::equals, WAIT,
                        "the table DOWN on the tables API");
                readAll(client);
                assertEquals(lastBeforeRecovery, last(stateSequences), "no state reaches the client while the broker is down");
                assertTrue(alertCodesReceived(client).isEmpty(), "no alert reaches a client while the broker is down");
                double outageSeconds = secondsSince(killedAt);

                broker.restart();
                long restartedAt = System.nanoTime();
                // Different topics: the alert may come before the state it follows.
                readAll(client, Map.of(
                        "a new state message", m -> isState(m) && m.path("sequence").asLong() > lastBeforeRecovery,
                        "PUBLISH_FAILING_RESTORED", m -> isAlert(m, "PUBLISH_FAILING_RESTORED", STATE_PUBLICATION)));
                long firstAfter = stateSequences.stream().filter(sequence -> sequence > lastBeforeRecovery).findFirst()
                        .orElseThrow();
                double secondsToRecover = secondsSince(restartedAt);
                Await.until(() -> http.get("/api/v1/health").body(), health -> health.path("status").asText().equals("UP")
                        && breaker(health, "publish-state").equals("CLOSED"), WAIT, "the node's health UP again");
                Await.until(() -> http.get("/api/v1/tables").body().path(0).path("status").asText(), "UP"::equals, WAIT,
                        "the table UP again on the tables API");
                readAll(client);
                int from = stateSequences.size();
                for (int i = 0; i < 10; i++) {
                    read(client, KafkaOutageIT::isState, "state messages after the outage");
                }
                List<Long> live = stateSequences.subList(from, stateSequences.size());
                assertEquals(live.size() - 1, last(live) - live.get(0), "live again, without gaps: " + live);
                node.awaitHealth(); // the process is alive and healthy

                // Replay what is worth replaying: the events and alerts; a state letter only to show what it does.
                JsonNode letters = pendingPublishLetters(http);
                List<JsonNode> stateLetters = ofStream(letters, "state");
                // One the open breaker never tried to send: it cannot have reached Kafka before the broker died.
                JsonNode oldState = stateLetters.stream().filter(KafkaOutageIT::notTried).findFirst().orElseThrow();
                List<JsonNode> eventLetters = ofStream(letters, "events");
                List<String> replayIds = new ArrayList<>(List.of(oldState.path("id").asText()));
                letters.path("dead_letters").forEach(letter -> {
                    if (!stream(letter).equals("state")) {
                        replayIds.add(letter.path("id").asText());
                    }
                });
                JsonHttp.Reply replay = http.post("/api/v1/dead-letters/replay", JSON.writeValueAsString(Map.of("ids", replayIds)));
                assertEquals(200, replay.status(), replay.body().toString());
                replay.body().path("outcomes").forEach(outcome ->
                        assertEquals("replayed", outcome.path("result").asText(), outcome.toString()));
                assertEquals(replayIds.size(), replay.body().path("count").asInt());

                long lastLive = last(stateSequences);
                long oldFrame = body(http, oldState).path("frame").asLong();
                Map<String, Predicate<JsonNode>> replayed = new HashMap<>(Map.of(
                        "the replayed state of frame " + oldFrame,
                        m -> isState(m) && m.path("data").path("frame").asLong() == oldFrame,
                        "the replayed PUBLISH_FAILING alert", m -> isAlert(m, "PUBLISH_FAILING", STATE_PUBLICATION)));
                for (JsonNode letter : eventLetters) {
                    String event = eventKey(body(http, letter));
                    replayed.put("the replayed event " + event,
                            m -> m.path("type").asText().equals("events") && eventKey(m.path("data")).equals(event));
                }
                JsonNode replayedState = readAll(client, replayed).get("the replayed state of frame " + oldFrame);
                assertTrue(replayedState.path("sequence").asLong() > lastLive,
                        "a replayed state goes out under a new number: " + replayedState.path("sequence"));
                readAll(client);
                assertStrictlyIncreasing(stateSequences);

                // Each failed message was dead-lettered once, by the publication, not its frame again by the pipeline.
                http.get("/api/v1/dead-letters?limit=10000").body().path("dead_letters").forEach(letter -> assertEquals(
                        "publish", letter.path("route").asText(), letter.path("exception").toString()));

                // The rest, the outage's states, are stale: purged, not replayed.
                JsonHttp.Reply purged = http.delete("/api/v1/dead-letters?route=publish&status=pending&limit=10000");
                assertEquals(stateLetters.size() - 1, purged.body().path("count").asInt(), purged.body().toString());
                assertEquals(0, pendingPublishLetters(http).path("count").asInt());

                System.out.printf("broker outage: breaker open %.1f s after the kill; %d state, %d events, %d alert"
                                + " dead letters; outage %.1f s; state and PUBLISH_FAILING_RESTORED %.1f s after the"
                                + " restart; sequences %d -> %d%n",
                        secondsToOpen, stateLetters.size(), eventLetters.size(), ofStream(letters, "alert").size(),
                        outageSeconds, secondsToRecover, lastBeforeRecovery, firstAfter);
            }
        } finally {
            if (node != null) {
                node.kill();
            }
            broker.close();
        }
    }

    /**
     * Reads the client's messages until one matches, noting every state sequence and acknowledging
     * every alert on the way (an alert left unacknowledged would be sent again, then dead-lettered).
     */
    private JsonNode read(WsClient client, Predicate<JsonNode> wanted, String what) throws InterruptedException {
        return client.nextMatching(message -> {
            note(client, message);
            return wanted.test(message);
        }, WAIT, what);
    }

    private void readAll(WsClient client) {
        client.drain().forEach(message -> note(client, message));
    }

    /** Reads until each of the wanted messages came, in any order; returns the first match of each. */
    private Map<String, JsonNode> readAll(WsClient client, Map<String, Predicate<JsonNode>> wanted)
            throws InterruptedException {
        Map<String, JsonNode> found = new HashMap<>();
        while (found.size() < wanted.size()) {
            Set<String> missing = new HashSet<>(wanted.keySet());
            missing.removeAll(found.keySet());
            JsonNode message = read(client, m -> missing.stream().anyMatch(what -> wanted.get(what).test(m)),
                    String.valueOf(missing));
            missing.stream().filter(what -> wanted.get(what).test(message)).forEach(what -> found.put(what, message));
        }
        return found;
    }

    /** The codes of the alerts among what the client received so far (the rest noted as usual). */
    private List<String> alertCodesReceived(WsClient client) {
        List<String> codes = new ArrayList<>();
        for (JsonNode message : client.drain()) {
            note(client, message);
            if (message.path("type").asText().equals("alert")) {
                codes.add(message.path("data").path("code").asText());
            }
        }
        return codes;
    }

    private void note(WsClient client, JsonNode message) {
        if (isState(message)) {
            stateSequences.add(message.path("sequence").asLong());
        } else if (message.path("type").asText().equals("alert")) {
            client.send("{\"type\":\"ack\",\"data\":{\"stream\":\"alert\",\"sequence\":" + message.path("sequence") + "}}");
        }
    }

    private static boolean isState(JsonNode message) {
        return message.path("type").asText().equals("state");
    }

    private static boolean isAlert(JsonNode message, String code, String component) {
        JsonNode data = message.path("data");
        return message.path("type").asText().equals("alert") && data.path("code").asText().equals(code)
                && data.path("details").path("component").asText().equals(component);
    }

    private static String breaker(JsonNode health, String id) {
        return health.path("components").path("circuit_breakers").path("states").path(id).asText();
    }

    private static JsonNode pendingPublishLetters(JsonHttp http) throws Exception {
        return http.get("/api/v1/dead-letters?route=publish&status=pending&limit=10000").body();
    }

    private static String stream(JsonNode letter) {
        return letter.path("headers").path("CuecastStream").asText();
    }

    private static List<JsonNode> ofStream(JsonNode letters, String stream) {
        List<JsonNode> found = new ArrayList<>();
        letters.path("dead_letters").forEach(letter -> {
            if (stream(letter).equals(stream)) {
                found.add(letter);
            }
        });
        return found;
    }

    /** Dead-lettered by the open breaker without a send (not after a failed one). */
    private static boolean notTried(JsonNode letter) {
        return letter.path("exception").path("class").asText().endsWith("BreakerOpenException");
    }

    /** The pending dead letters of publication, and "CODE component" of each alert among them. */
    private record Letters(JsonNode listing, List<String> alerts) {
        static Letters read(JsonHttp http) throws Exception {
            JsonNode listing = pendingPublishLetters(http);
            List<String> alerts = new ArrayList<>();
            for (JsonNode letter : ofStream(listing, "alert")) {
                JsonNode alert = body(http, letter);
                alerts.add(alert.path("code").asText() + " " + alert.path("details").path("component").asText());
            }
            return new Letters(listing, alerts);
        }
    }

    /** The message a dead letter holds (a listing leaves bodies out: the letter itself has it, in base64). */
    private static JsonNode body(JsonHttp http, JsonNode letter) throws Exception {
        JsonNode whole = http.get("/api/v1/dead-letters/" + letter.path("id").asText()).body();
        return JSON.readTree(Base64.getDecoder().decode(whole.path("body").asText()));
    }

    private static String eventKey(JsonNode event) {
        return event.path("event").asText() + "@" + event.path("frame").asLong();
    }

    private static void assertStrictlyIncreasing(List<Long> sequences) {
        for (int i = 1; i < sequences.size(); i++) {
            assertFalse(sequences.get(i) <= sequences.get(i - 1), "no repeat, no step back: " + sequences);
        }
    }

    private static long last(List<Long> sequences) {
        return sequences.get(sequences.size() - 1);
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}

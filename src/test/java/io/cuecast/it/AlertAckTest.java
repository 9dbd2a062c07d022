package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged alerts over a real WebSocket, with an alert an operator posts over real HTTP: the
 * client that acks gets it once; the one that does not gets it again, marked, and then it goes to
 * the dead letters, from where a replay publishes it anew; a client that leaves owing an ack hands
 * its message to the dead letters too.
 */
class AlertAckTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void unacknowledgedAlertsAreRedeliveredThenDeadLetteredAndReplayable() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.gateway.ack.timeout-seconds=1",
                "--cuecast.gateway.ack.max-deliveries=2");
             WsClient acking = WsClient.connect(app.ws("/api/v1/ws"));
             WsClient silent = WsClient.connect(app.ws("/api/v1/ws"))) {
            JsonHttp http = new JsonHttp(app);
            acking.nextOfType("connection", WAIT);
            String silentId = silent.nextOfType("connection", WAIT).at("/data/client_id").asText();
            for (WsClient client : new WsClient[] {acking, silent}) {
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\"]}}");
                client.nextOfType("subscribed", WAIT);
            }

            assertEquals(200, http.post("/api/v1/websocket/broadcast/alert?level=warning&message=cue+ball+lost", null)
                    .status());
            long sequence = acking.nextOfType("alert", WAIT).path("sequence").asLong();
            acking.send("{\"type\":\"ack\",\"data\":{\"stream\":\"alert\",\"sequence\":" + sequence + "}}");
            JsonNode acked = acking.nextOfType("acked", WAIT);
            assertEquals(sequence, acked.at("/data/sequences/0").asLong());

            JsonNode first = silent.nextOfType("alert", WAIT);
            assertEquals(sequence, first.path("sequence").asLong());
            assertFalse(first.has("redelivered"));
            JsonNode again = silent.nextOfType("alert", WAIT);
            assertEquals(sequence, again.path("sequence").asLong());
            assertTrue(again.path("redelivered").asBoolean(), again.toString());
            assertEquals("cue ball lost", again.at("/data/message").asText());

            JsonNode letters = Await.until(() -> http.get("/api/v1/dead-letters?route=gateway&cause=NotAcknowledged")
                    .body(), list -> list.path("count").asInt() == 1, WAIT, "the unacknowledged alert's dead letter");
            JsonNode letter = letters.path("dead_letters").get(0);
            assertEquals(silentId, letter.at("/headers/CuecastClientId").asText());
            assertEquals(sequence, letter.at("/headers/CuecastSequence").asLong());
            assertEquals(2, letter.at("/headers/CuecastDeliveries").asInt());
            assertTrue(acking.drain().stream().noneMatch(m -> m.path("redelivered").asBoolean()),
                    "the acknowledged alert was never sent again, though its timeout passed twice over");

            JsonHttp.Reply replay = http.post("/api/v1/dead-letters/" + letter.path("id").asText() + "/replay", null);
            assertEquals("replayed", replay.body().path("result").asText(), replay.body().toString());
            JsonNode republished = acking.nextOfType("alert", WAIT);
            assertEquals(sequence + 1, republished.path("sequence").asLong(), "published anew, with a new sequence");
            assertEquals("cue ball lost", republished.at("/data/message").asText());
            assertEquals(sequence + 1, silent.nextMatching(m -> "alert".equals(m.path("type").asText())
                    && m.path("sequence").asLong() == sequence + 1, WAIT, "the replayed alert").path("sequence").asLong());

            silent.close();
            JsonNode gone = Await.until(() -> http.get("/api/v1/dead-letters?cause=ClientDisconnected").body(),
                    list -> list.path("count").asInt() == 1, WAIT, "the alert the departed client owed an ack");
            assertEquals(sequence + 1, gone.at("/dead_letters/0/headers/CuecastSequence").asLong());
        }
    }

    @Test
    void aBadAckGetsAnErrorAndTheConnectionStaysOpen() throws Exception {
        try (RunningCuecast app = RunningCuecast.start();
             WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"ack\",\"data\":{\"stream\":\"alert\",\"sequence\":5}}");
            JsonNode error = client.nextOfType("error", WAIT);
            assertEquals("UNKNOWN_ACK_SEQUENCE", error.at("/data/code").asText(), error.toString());
            client.send("{\"type\":\"ack\",\"data\":{\"stream\":\"state\",\"sequence\":1}}");
            assertEquals("INVALID_ACK_FORMAT", client.nextOfType("error", WAIT).at("/data/code").asText());
            client.send("{\"type\":\"ping\"}");
            client.nextOfType("pong", WAIT);
        }
    }
}

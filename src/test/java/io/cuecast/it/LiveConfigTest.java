package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live configuration over real HTTP, broadcast on the config stream, and taking effect at once. */
class LiveConfigTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> patch(RunningCuecast app, String section, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http("/api/v1/config/" + section))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChangeIsCheckedAppliedAndBroadcastWithItsSummary() throws Exception {
        try (RunningCuecast app = RunningCuecast.start(); WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"config\",\"state\"]}}");
            client.nextOfType("subscribed", WAIT);
            JsonNode all = JSON.readTree(http.send(HttpRequest.newBuilder(app.http("/api/v1/config")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(30.0, all.at("/sections/state/max-rate-hz").asDouble(), all.toString());

            HttpResponse<String> refused = patch(app, "state", "{\"max-rate-hz\": 0, \"warp\": 9}");
            assertEquals(400, refused.statusCode());
            JsonNode problems = JSON.readTree(refused.body()).path("problems");
            assertEquals(2, problems.size(), refused.body());
            assertTrue(refused.body().contains("cuecast.state.max-rate-hz"), refused.body());
            assertEquals(404, patch(app, "warp-drive", "{\"x\": 1}").statusCode());

            HttpResponse<String> accepted = patch(app, "state", "{\"max-rate-hz\": 2}");
            assertEquals(200, accepted.statusCode(), accepted.body());
            JsonNode broadcast = client.nextOfType("config", WAIT);
            assertEquals("state", broadcast.at("/data/section").asText());
            assertEquals(2.0, broadcast.at("/data/config/max-rate-hz").asDouble());
            assertEquals(30.0, broadcast.at("/data/change_summary/max-rate-hz/old").asDouble());
            assertEquals(2.0, broadcast.at("/data/change_summary/max-rate-hz/new").asDouble());

            // The policy counts in capture time, which a loaded machine's send times only approximate.
            List<JsonNode> states = client.collect("state", 6, WAIT);
            for (int i = 2; i < states.size(); i++) {
                long gapUs = states.get(i).at("/data/captured_at_us").asLong()
                        - states.get(i - 1).at("/data/captured_at_us").asLong();
                assertTrue(gapUs >= 450_000, "at 2 Hz states are at least 0.5 s apart, but two were " + gapUs + " us apart");
            }
        }
    }

    @Test
    void theVideoSectionChecksEveryFieldAndChangesTheJpegQualityLive() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.video.jpeg-quality=95")) {
            JsonNode video = JSON.readTree(http.send(HttpRequest.newBuilder(app.http("/api/v1/config/video")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(95, video.path("jpeg-quality").asInt(), video.toString());
            assertRefusedForEach(app, "video", "{\"jpeg-quality\": 0, \"max-fps\": 500, \"idle-fps\": \"often\"}",
                    List.of("jpeg-quality", "max-fps", "idle-fps"));
            int sharp = Await.until(() -> snapshotBytes(app), bytes -> bytes > 0, WAIT, "a snapshot");

            assertEquals(200, patch(app, "video", "{\"jpeg-quality\": 5}").statusCode());
            Await.until(() -> snapshotBytes(app), bytes -> bytes > 0 && bytes < sharp / 2, WAIT,
                    "the snapshot to be encoded at quality 5 (it was " + sharp + " bytes at 95)");
        }
    }

    @Test
    void theGatewaySectionChecksEveryFieldAndLimitsNewConnectionsLive() throws Exception {
        try (RunningCuecast app = RunningCuecast.start()) {
            assertRefusedForEach(app, "gateway",
                    "{\"connections-per-minute-per-ip\": 0, \"max-queued-bytes\": 100, \"socket-send-buffer-bytes\": -1}",
                    List.of("connections-per-minute-per-ip", "max-queued-bytes", "socket-send-buffer-bytes"));

            HttpResponse<String> accepted = patch(app, "gateway", "{\"connections-per-minute-per-ip\": 2}");
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(2, JSON.readTree(accepted.body()).at("/config/connections-per-minute-per-ip").asInt());
            try (WsClient first = WsClient.connect(app.ws("/api/v1/ws"));
                 WsClient second = WsClient.connect(app.ws("/api/v1/ws"));
                 WsClient third = WsClient.connect(app.ws("/api/v1/ws"))) {
                first.nextOfType("connection", WAIT);
                second.nextOfType("connection", WAIT);
                assertEquals(1008, third.awaitClose(WAIT).code(), "a third connection within the minute is refused");
            }
        }
    }

    /** A change with one bad value per key is refused whole, with one problem naming each key. */
    private void assertRefusedForEach(RunningCuecast app, String section, String body, List<String> keys) throws Exception {
        HttpResponse<String> refused = patch(app, section, body);
        assertEquals(400, refused.statusCode());
        assertEquals(keys.size(), JSON.readTree(refused.body()).path("problems").size(), refused.body());
        for (String key : keys) {
            assertTrue(refused.body().contains("'cuecast." + section + "." + key + "'"), refused.body());
        }
    }

    private int snapshotBytes(RunningCuecast app) throws Exception {
        HttpResponse<byte[]> snapshot = http.send(HttpRequest.newBuilder(app.http("/api/v1/stream/snapshot.jpg")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return snapshot.statusCode() == 200 ? snapshot.body().length : 0;
    }
}

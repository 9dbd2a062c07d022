package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.FrameSource;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatedCamera;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The whole pipeline, from the simulated camera through detection, tracking and the routes to a
 * real WebSocket client and real HTTP, with the simulator's ground truth as the judge.
 */
class EndToEndTest {
    /** A reported ball counts as found when it is within this distance of the true centre. */
    static final double POSITION_TOLERANCE_MM = 6.0;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningCuecast app;
    private static SimulatedCamera simulator;
    // HTTP/1.1, as browsers fetch an <img> MJPEG stream: the JDK client's h2c upgrade attempt on
    // plain http:// intermittently broke the never-ending multipart response (see the closing note).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        app = RunningCuecast.start();
        simulator = (SimulatedCamera) app.bean("frameSource", FrameSource.class);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private WsClient subscribedTo(String stream) throws InterruptedException {
        WsClient client = WsClient.connect(app.ws("/api/v1/ws"));
        client.nextOfType("connection", WAIT);
        client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"" + stream + "\"]}}");
        JsonNode reply = client.nextOfType("subscribed", WAIT);
        assertEquals(stream, reply.path("data").path("streams").get(0).asText());
        return client;
    }

    @Test
    void welcomesEachClientWithItsId() throws InterruptedException {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            JsonNode welcome = client.next(WAIT);
            assertEquals("connection", welcome.path("type").asText());
            assertEquals("connected", welcome.path("data").path("status").asText());
            assertFalse(welcome.path("data").path("client_id").asText().isEmpty());
        }
    }

    @Test
    void stateMatchesTheSimulatorsGroundTruthInPositionAndType() throws InterruptedException {
        try (WsClient client = subscribedTo("state")) {
            List<JsonNode> states = client.collect("state", 60, Duration.ofSeconds(90));
            List<Double> errors = new ArrayList<>();
            int typed = 0;
            int typedRight = 0;
            int visible = 0;
            int found = 0;
            for (JsonNode state : states) {
                JsonNode data = state.path("data");
                GroundTruthFrame truth = simulator.groundTruthAt(data.path("captured_at_us").asLong())
                        .orElseThrow(() -> new AssertionError("no ground truth for " + data.path("captured_at_us")));
                List<JsonNode> seen = new ArrayList<>();
                data.path("balls").forEach(ball -> {
                    if (ball.path("missed_frames").asInt() == 0) {
                        seen.add(ball);
                    }
                });
                for (JsonNode ball : seen) {
                    GroundTruthBall nearest = nearest(truth, ball);
                    double error = distanceMm(nearest, ball);
                    errors.add(error);
                    if (error <= POSITION_TOLERANCE_MM) {
                        typed++;
                        typedRight += nearest.type().wireName().equals(ball.path("type").asText()) ? 1 : 0;
                    }
                }
                for (GroundTruthBall ball : truth.balls()) {
                    if (ball.visibleFraction() >= 0.99) {
                        visible++;
                        found += seen.stream().anyMatch(s -> distanceMm(ball, s) <= POSITION_TOLERANCE_MM) ? 1 : 0;
                    }
                }
            }
            double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted[sorted.length / 2];
            double p95 = sorted[(int) (sorted.length * 0.95)];
            String figures = String.format(Locale.ROOT,
                    "%d states: position error median %.2f mm, p95 %.2f mm; recall %d/%d; type right %d/%d",
                    states.size(), median, p95, found, visible, typedRight, typed);
            System.out.println("ground truth check: " + figures);
            assertTrue(median <= 2.0, figures);
            assertTrue(p95 <= POSITION_TOLERANCE_MM, figures);
            assertTrue(found >= 0.95 * visible, "recall: " + figures);
            assertTrue(typedRight >= 0.97 * typed, "type accuracy: " + figures);
        }
    }

    private static GroundTruthBall nearest(GroundTruthFrame truth, JsonNode ball) {
        return truth.balls().stream().min(Comparator.comparingDouble(t -> distanceMm(t, ball)))
                .orElseThrow(() -> new AssertionError("a ball was reported on an empty table: " + ball));
    }

    private static double distanceMm(GroundTruthBall truth, JsonNode ball) {
        JsonNode position = ball.path("position");
        return Math.hypot(truth.xMm() - position.path("x").asDouble(), truth.yMm() - position.path("y").asDouble());
    }

    @Test
    void stateMessagesCarryTheEnvelopeAndConsecutiveSequences() throws InterruptedException {
        try (WsClient client = subscribedTo("state")) {
            List<JsonNode> states = client.collect("state", 20, Duration.ofSeconds(60));
            for (int i = 1; i < states.size(); i++) {
                JsonNode before = states.get(i - 1);
                JsonNode after = states.get(i);
                assertEquals(before.path("sequence").asLong() + 1, after.path("sequence").asLong(),
                        "sequence gap between messages " + (i - 1) + " and " + i);
                assertTrue(after.path("data").path("captured_at_us").asLong()
                        > before.path("data").path("captured_at_us").asLong(), "each state comes from a newer frame");
            }
            JsonNode first = states.get(0);
            Instant timestamp = Instant.parse(first.path("timestamp").asText());
            long tsUs = first.path("ts_us").asLong();
            assertEquals(timestamp.getEpochSecond(), tsUs / 1_000_000, "timestamp and ts_us agree");
            long capturedAtUs = first.path("data").path("captured_at_us").asLong();
            assertTrue(capturedAtUs > 0 && capturedAtUs <= tsUs, "captured before it was serialized");
            JsonNode ball = first.path("data").path("balls").get(0);
            for (String field : List.of("id", "type", "position", "pixel", "velocity", "confidence")) {
                assertTrue(ball.has(field), "ball has " + field + ": " + ball);
            }
        }
    }

    @Test
    void aClientReceivesNothingBeforeSubscribingOrAfterUnsubscribing() throws InterruptedException {
        try (WsClient watcher = subscribedTo("state");
             WsClient idle = WsClient.connect(app.ws("/api/v1/ws"));
             WsClient leaver = subscribedTo("state")) {
            idle.nextOfType("connection", WAIT);
            leaver.nextOfType("state", WAIT);
            leaver.send("{\"type\":\"unsubscribe\",\"data\":{\"streams\":[\"state\"]}}");
            leaver.nextOfType("unsubscribed", WAIT);
            leaver.drain();
            watcher.drain();
            watcher.collect("state", 5, Duration.ofSeconds(60));
            // Messages on one connection arrive in order: a pong that comes with nothing before it
            // proves no state reached the client while the watcher received five.
            for (WsClient client : List.of(idle, leaver)) {
                client.send("{\"type\":\"ping\"}");
                JsonNode next = client.next(WAIT);
                assertEquals("pong", next.path("type").asText(), "expected only a pong, got " + next);
            }
        }
    }

    @Test
    void aClientThatReconnectsWithResumeGetsWhatItMissedWithoutAGap() throws InterruptedException {
        long lastSeen;
        String epoch;
        try (WsClient first = WsClient.connect(app.ws("/api/v1/ws"))) {
            epoch = first.nextOfType("connection", WAIT).path("data").path("epoch").asText();
            first.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}");
            List<JsonNode> states = first.collect("state", 3, Duration.ofSeconds(60));
            lastSeen = states.get(2).path("sequence").asLong();
        }
        try (WsClient watcher = subscribedTo("state")) {
            // Let the stream move on while no resuming client is connected.
            watcher.nextMatching(m -> m.path("sequence").asLong() > lastSeen + 2, Duration.ofSeconds(60),
                    "a state two past the one last seen");
        }
        try (WsClient again = WsClient.connect(app.ws("/api/v1/ws"))) {
            assertEquals(epoch, again.nextOfType("connection", WAIT).path("data").path("epoch").asText(),
                    "same server run, same numbering");
            again.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"],\"resume\":{\"state\":"
                    + lastSeen + "}}}");
            JsonNode subscribed = again.nextOfType("subscribed", WAIT);
            assertTrue(subscribed.path("data").path("recovered").path("state").asBoolean(), subscribed.toString());
            List<JsonNode> states = again.collect("state", 5, Duration.ofSeconds(60));
            for (int i = 0; i < states.size(); i++) {
                assertEquals(lastSeen + 1 + i, states.get(i).path("sequence").asLong(), "replayed then live, no gap");
            }
        }
    }

    @Test
    void aPerStreamEndpointSubscribesOnConnectSharingTheOneRegistry() throws InterruptedException {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/state?max_fps=10&include_fields=balls"))) {
            client.nextOfType("connection", WAIT);
            JsonNode subscribed = client.nextOfType("subscribed", WAIT);
            assertEquals("state", subscribed.path("data").path("all_subscriptions").get(0).asText());
            assertTrue(client.nextOfType("state", WAIT).path("data").has("balls"));
            client.send("{\"type\":\"get_status\"}");
            JsonNode status = client.nextOfType("status", WAIT);
            assertEquals("state", status.path("data").path("subscriptions").get(0).asText(),
                    "the status reply reads the same registry the endpoint subscribed in");
            client.send("{\"type\":\"unsubscribe\",\"data\":{\"streams\":[\"state\"]}}");
            client.nextOfType("unsubscribed", WAIT);
        }
    }

    @Test
    void aPerStreamEndpointForAnUnknownStreamIsClosedWithAReason() throws InterruptedException {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/video"))) {
            WsClient.Closing closing = client.awaitClose(WAIT);
            assertEquals(4404, closing.code());
            assertTrue(closing.reason().contains("unknown stream 'video'"), closing.reason());
        }
    }

    @Test
    void badMessagesGetAnErrorAndTheConnectionKeepsWorking() throws InterruptedException {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{not json");
            JsonNode error = client.next(WAIT);
            assertEquals("error", error.path("type").asText());
            assertEquals("INVALID_JSON", error.path("data").path("code").asText());
            client.send("{\"type\":\"teleport\"}");
            assertEquals("UNKNOWN_MESSAGE_TYPE", client.nextOfType("error", WAIT).path("data").path("code").asText());
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"video\"]}}");
            assertEquals("INVALID_SUBSCRIBE_FORMAT", client.nextOfType("error", WAIT).path("data").path("code").asText());
            client.send("{\"type\":\"get_status\"}");
            JsonNode status = client.nextOfType("status", WAIT);
            assertEquals(0, status.path("data").path("subscriptions").size());
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}");
            client.nextOfType("subscribed", WAIT);
            assertNotNull(client.nextOfType("state", WAIT));
            assertFalse(client.closedByServer());
        }
    }

    @Test
    void mjpegStreamDeliversJpegParts() throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(app.http("/api/v1/stream/video")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("multipart/x-mixed-replace"));
        try (DataInputStream in = new DataInputStream(response.body())) {
            long lastCapture = 0;
            for (int part = 0; part < 3; part++) {
                int length = -1;
                long captured = 0;
                String line;
                while (!(line = readLine(in)).isEmpty() || length < 0) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    } else if (line.startsWith("X-Captured-At-Us:")) {
                        captured = Long.parseLong(line.substring(17).trim());
                    }
                }
                byte[] jpeg = new byte[length];
                in.readFully(jpeg);
                assertJpegOfFrameSize(jpeg);
                assertTrue(captured > lastCapture, "each part is a newer frame");
                lastCapture = captured;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("stream ended");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Test
    void snapshotIsTheLatestFrameAsJpeg() throws Exception {
        // 503 until the encoder has produced its first frame, then the JPEG.
        HttpResponse<byte[]> response = Await.until(() -> http.send(
                        HttpRequest.newBuilder(app.http("/api/v1/stream/snapshot.jpg")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()),
                r -> r.statusCode() != 503, WAIT, "the first snapshot");
        assertEquals(200, response.statusCode());
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        assertJpegOfFrameSize(response.body());
    }

    private static void assertJpegOfFrameSize(byte[] jpeg) {
        assertTrue(jpeg.length > 1000 && (jpeg[0] & 0xff) == 0xFF && (jpeg[1] & 0xff) == 0xD8, "JPEG start marker");
        OpenCvNatives.load();
        Mat image = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        assertEquals(simulator.settings().width(), image.cols());
        assertEquals(simulator.settings().height(), image.rows());
        image.release();
    }

    @Test
    void prometheusMetricsCountTheFramesAndTimeTheDetection() throws Exception {
        String metrics = Await.until(() -> http.send(HttpRequest.newBuilder(app.http("/observe/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body(),
                body -> metricValue(body, "cuecast_detection_seconds_count") > 0, WAIT, "a timed detection");
        assertTrue(metricValue(metrics, "cuecast_frames_captured_total") > 0, metrics);
        assertTrue(metricValue(metrics, "cuecast_frames_processed_total") > 0, metrics);
        assertTrue(metrics.contains("routeId=\"detection\""), "Camel's route timings are there too");
        String latency = Await.until(() -> http.send(HttpRequest.newBuilder(app.http("/observe/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body(),
                body -> metricValue(body, "cuecast_capture_to_send_seconds_count{stream=\"state\"}") > 0, WAIT,
                "a timed capture-to-send");
        assertEquals(1.0, metricValue(latency, "cuecast_circuit_breaker_state{breaker=\"camera-breaker\",state=\"CLOSED\"}"),
                latency.lines().filter(line -> line.contains("breaker")).toList().toString());
        assertEquals(0.0, metricValue(latency, "cuecast_circuit_breaker_state{breaker=\"camera-breaker\",state=\"OPEN\"}"));
        assertTrue(metricValue(latency, "cuecast_websocket_closed_by_server_total{code=\"3008\"}") >= 0,
                "slow-consumer kicks are counted");
        assertTrue(metricValue(latency, "cuecast_websocket_stream_bytes_sent_bytes_total{stream=\"state\"}") >= 0,
                latency.lines().filter(line -> line.contains("stream_bytes")).toList().toString());
    }

    /** The value of a Prometheus sample, named with its labels if it has any, or -1 when absent. */
    private static double metricValue(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .findFirst().orElse(-1);
    }

    @Test
    void healthReportsEveryComponent() throws Exception {
        // Run first, the test may find the pipeline before its first detection: wait for it, not on it.
        HttpResponse<String> response = Await.until(() -> http.send(HttpRequest.newBuilder(app.http("/api/v1/health"))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
                r -> r.statusCode() == 200, WAIT, "health to report the started pipeline");
        assertEquals(200, response.statusCode());
        JsonNode health = JSON.readTree(response.body());
        assertEquals("UP", health.path("status").asText(), response.body());
        for (String component : Arrays.asList("camera", "vision", "gateway")) {
            assertEquals("UP", health.path("components").path(component).path("status").asText(), component);
        }
        assertTrue(health.path("components").path("camera").path("frames_captured").asLong() > 0);
    }
}

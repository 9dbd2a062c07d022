package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.OpenCvNatives;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The frame stream over real WebSockets: binary messages whose JPEGs OpenCV decodes at each
 * quality level's size, max_fps, refusals, operators' frames over REST, and a stalled client that
 * does not hold up another. The simulated camera gives 1280x720 frames.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrameStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningCuecast app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        OpenCvNatives.load();
        app = RunningCuecast.start();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    @Test
    @Order(1)
    void framesAreEncodedOnlyForLevelsSomeoneSubscribesToAndNotAtAllWithoutSubscribers() throws Exception {
        long captured = cameraFramesCaptured();
        Await.until(this::cameraFramesCaptured, n -> n > captured + 30, WAIT, "the camera to run for a second");
        assertEquals(Map.of("low", 0L, "medium", 0L, "high", 0L, "full", 0L), frameEncodes(),
                "no frame subscriber, no encoding");

        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/frame?quality_level=low"))) {
            client.nextOfType("subscribed", WAIT);
            client.nextBinary(WAIT);
            Map<String, Long> encodes = frameEncodes();
            assertTrue(encodes.get("low") > 0, encodes.toString());
            assertEquals(List.of(0L, 0L, 0L), List.of(encodes.get("medium"), encodes.get("high"), encodes.get("full")));
            String prometheus = get("/observe/metrics").body();
            assertTrue(prometheusSample(prometheus, "cuecast_websocket_frame_encodes_total{level=\"low\"") > 0, prometheus);
            assertEquals(0, prometheusSample(prometheus, "cuecast_websocket_frame_encodes_total{level=\"full\""));
        }
        Await.until(() -> JSON.readTree(get("/api/v1/websocket/health").body()).at("/subscribers/frame").asInt(),
                n -> n == 0, WAIT, "the frame subscriber to leave");
        // A publish that began before the client left may still finish: wait for two equal readings first.
        AtomicReference<Map<String, Long>> lastReading = new AtomicReference<>(frameEncodes());
        Await.until(() -> {
            Map<String, Long> now = frameEncodes();
            return now.equals(lastReading.getAndSet(now));
        }, same -> same, WAIT, "frame encodes to settle");
        Await.unchangedFor(this::frameEncodes, Duration.ofSeconds(1), "frame encodes with no subscriber");
    }

    @Test
    @Order(2)
    void eachQualityLevelArrivesAsABinaryJpegOfItsSizeWithIncreasingSequences() throws Exception {
        try (WsClient low = subscribedTo("{'quality_level':'low'}");
             WsClient medium = WsClient.connect(app.ws("/api/v1/ws/frame"));
             WsClient full = subscribedTo("{'quality_level':'full'}")) {
            medium.nextOfType("subscribed", WAIT);
            assertFrames(low, "low", 320, 180);
            assertFrames(medium, "medium", 640, 360);
            assertFrames(full, "full", 1280, 720);
        }
    }

    @Test
    @Order(3)
    void maxFpsHoldsOnThePerStreamEndpoint() throws Exception {
        // 1 a second, well under the stream's 15, so that skipping shows even on a loaded machine.
        try (WsClient slow = WsClient.connect(app.ws("/api/v1/ws/frame?quality_level=low&max_fps=1"));
             WsClient fast = subscribedTo("{'quality_level':'low'}")) {
            JsonNode subscribed = slow.nextOfType("subscribed", WAIT);
            assertEquals("frame", subscribed.at("/data/streams/0").asText());
            List<ReceivedFrame> frames = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                frames.add(ReceivedFrame.parse(slow.nextBinary(WAIT)));
            }
            for (int i = 1; i < frames.size(); i++) {
                long gapUs = frames.get(i).header().path("ts_us").asLong() - frames.get(i - 1).header().path("ts_us").asLong();
                assertTrue(gapUs >= 1_000_000, "frames " + (i - 1) + " and " + i + " only " + gapUs + " µs apart at max_fps 1");
            }
            // The stream itself ran faster meanwhile: the unthrottled client got numbers the slow one skipped.
            long first = frames.get(0).sequence();
            long last = frames.get(frames.size() - 1).sequence();
            assertTrue(last - first > frames.size() - 1, "sequences " + first + ".." + last);
            List<Long> slowSequences = frames.stream().map(ReceivedFrame::sequence).toList();
            long fastSequence;
            do {
                fastSequence = ReceivedFrame.parse(fast.nextBinary(WAIT)).sequence();
                assertTrue(fastSequence < last, "the fast client got no frame the slow one skipped");
            } while (fastSequence <= first || slowSequences.contains(fastSequence));
        }
    }

    @Test
    @Order(4)
    void anUnknownQualityLevelIsRefusedAtSubscribe() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"frame\"],\"filters\":{\"frame\":{\"quality_level\":\"ultra\"}}}}");
            JsonNode error = client.nextOfType("error", WAIT);
            assertEquals("INVALID_SUBSCRIBE_FORMAT", error.at("/data/code").asText());
            assertTrue(error.at("/data/message").asText().contains("the levels are low, medium, high, full"), error.toString());
        }
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/frame?quality_level=ultra"))) {
            JsonNode reply = client.nextMatching(m -> !m.path("type").asText().equals("connection"), WAIT, "a reply");
            assertEquals("error", reply.path("type").asText(), reply.toString());
            client.send("{\"type\":\"get_status\"}");
            assertEquals(0, client.nextOfType("status", WAIT).at("/data/subscriptions").size());
        }
    }

    @Test
    @Order(5)
    void anOperatorsImageReachesFrameSubscribersAtTheirLevels() throws Exception {
        try (WsClient low = subscribedTo("{'quality_level':'low'}");
             WsClient full = subscribedTo("{'quality_level':'full'}")) {
            low.nextBinary(WAIT);
            full.nextBinary(WAIT);
            HttpResponse<String> posted = postImage("image/png", solidImage(1000, 500, new Scalar(0, 0, 255), ".png"));
            assertEquals(200, posted.statusCode(), posted.body());
            JsonNode answer = JSON.readTree(posted.body());
            assertEquals(1000, answer.path("width").asInt());
            assertTrue(answer.path("delivered").asInt() >= 2, answer.toString());

            ReceivedFrame small = nextOperatorFrame(low);
            assertEquals(answer.path("sequence").asLong(), small.sequence());
            assertDecodesTo(small, 320, 160);
            assertRedInTheMiddle(small);
            assertDecodesTo(nextOperatorFrame(full), 1000, 500);
        }
        HttpResponse<String> jpeg = postImage("image/jpeg", solidImage(64, 48, new Scalar(255, 0, 0), ".jpg"));
        assertEquals(200, jpeg.statusCode(), jpeg.body());
    }

    @Test
    @Order(6)
    void badImagesAreRefusedWithAJsonError() throws Exception {
        assertRefused(postImage("image/png", "not an image at all".getBytes()), 400, "not a JPEG or PNG image");
        assertRefused(postImage("image/jpeg", new byte[0]), 400, "the body is empty");
        byte[] truncated = solidImage(64, 48, new Scalar(0, 255, 0), ".png");
        assertRefused(postImage("image/png", java.util.Arrays.copyOf(truncated, 40)), 400, "");
        assertRefused(postImage("text/plain", solidImage(64, 48, new Scalar(0, 255, 0), ".png")), 415,
                "Content-Type must be image/jpeg or image/png");
    }

    @Test
    @Order(7)
    void aStalledClientDoesNotHoldUpAnotherAndIsClosedWith3008() throws Exception {
        try (WsClient stalled = subscribedTo("{'quality_level':'full'}");
             WsClient reading = subscribedTo("{'quality_level':'low'}")) {
            String stalledId = clientId(stalled);
            stalled.nextBinary(WAIT);
            stalled.stopReading();
            Await.until(() -> JSON.readTree(get("/api/v1/websocket/connections/" + stalledId).body())
                            .path("messages_dropped").asLong(), dropped -> dropped > 0, WAIT,
                    "the stalled client to skip frames");

            long lastSequence = 0;
            int framesWhileStalled = 0;
            while (get("/api/v1/websocket/connections/" + stalledId).statusCode() == 200) {
                ReceivedFrame frame = ReceivedFrame.parse(reading.nextBinary(WAIT));
                assertTrue(frame.sequence() > lastSequence, frame.sequence() + " after " + lastSequence);
                lastSequence = frame.sequence();
                framesWhileStalled++;
            }
            // Up to 15 frames a second over the 5 s before the cut-off (fewer on a loaded machine); a
            // fan-out blocked by the stalled client would give none.
            assertTrue(framesWhileStalled >= 5, framesWhileStalled + " frames while the other client was stalled");
            stalled.resumeReading();
            assertEquals(3008, stalled.awaitClose(WAIT).code());
            reading.nextBinary(WAIT);
        }
    }

    private WsClient subscribedTo(String frameFilter) throws InterruptedException {
        WsClient client = WsClient.connect(app.ws("/api/v1/ws"));
        client.send(("{'type':'subscribe','data':{'streams':['frame'],'filters':{'frame':" + frameFilter + "}}}")
                .replace('\'', '"'));
        client.nextOfType("subscribed", WAIT);
        return client;
    }

    private String clientId(WsClient client) throws InterruptedException {
        client.send("{\"type\":\"get_status\"}");
        return client.nextOfType("status", WAIT).at("/data/client_id").asText();
    }

    private static void assertFrames(WsClient client, String level, int width, int height) throws Exception {
        long last = 0;
        for (int i = 0; i < 3; i++) {
            ReceivedFrame frame = ReceivedFrame.parse(client.nextBinary(WAIT));
            assertEquals(level, frame.qualityLevel());
            assertEquals("camera", frame.header().path("source").asText());
            assertTrue(frame.sequence() > last, "sequence " + frame.sequence() + " after " + last);
            last = frame.sequence();
            assertTrue(frame.header().path("ts_us").asLong() >= frame.header().path("captured_at_us").asLong());
            assertDecodesTo(frame, width, height);
        }
    }

    private static void assertDecodesTo(ReceivedFrame frame, int width, int height) {
        assertEquals(width, frame.header().path("width").asInt());
        assertEquals(height, frame.header().path("height").asInt());
        Mat image = decode(frame);
        try {
            assertEquals(width, image.cols(), "decoded width");
            assertEquals(height, image.rows(), "decoded height");
        } finally {
            image.release();
        }
    }

    private static void assertRedInTheMiddle(ReceivedFrame frame) {
        Mat image = decode(frame);
        try {
            double[] bgr = image.get(image.rows() / 2, image.cols() / 2);
            assertTrue(bgr[2] > 200 && bgr[1] < 50 && bgr[0] < 50, "BGR " + java.util.Arrays.toString(bgr));
        } finally {
            image.release();
        }
    }

    private static Mat decode(ReceivedFrame frame) {
        Mat image = Imgcodecs.imdecode(new MatOfByte(frame.jpeg()), Imgcodecs.IMREAD_COLOR);
        assertTrue(!image.empty(), "OpenCV could not decode the frame's JPEG");
        return image;
    }

    private static ReceivedFrame nextOperatorFrame(WsClient client) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ReceivedFrame frame = ReceivedFrame.parse(client.nextBinary(WAIT));
            if (frame.header().path("source").asText().equals("operator")) {
                return frame;
            }
        }
        throw new AssertionError("no operator frame within " + WAIT);
    }

    private static byte[] solidImage(int width, int height, Scalar bgr, String extension) {
        Mat image = new Mat(height, width, CvType.CV_8UC3, bgr);
        MatOfByte encoded = new MatOfByte();
        try {
            assertTrue(Imgcodecs.imencode(extension, image, encoded));
            return encoded.toArray();
        } finally {
            image.release();
            encoded.release();
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String why) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertTrue(JSON.readTree(response.body()).path("error").asText().contains(why), response.body());
    }

    private HttpResponse<String> postImage(String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http("/api/v1/websocket/broadcast/frame"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Long> frameEncodes() throws Exception {
        JsonNode encodes = JSON.readTree(get("/api/v1/websocket/metrics").body()).path("frame_encodes");
        return JSON.convertValue(encodes, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() { });
    }

    /** The value of the first sample whose line starts with {@code prefix}; -1 when there is none. */
    private static double prometheusSample(String exposition, String prefix) {
        return exposition.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private long cameraFramesCaptured() throws Exception {
        return JSON.readTree(get("/api/v1/health").body()).at("/components/camera/frames_captured").asLong();
    }
}

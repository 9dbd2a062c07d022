package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * A real fault: an image folder whose last picture is a thumbnail (half the camera's resolution).
 * Detection, which learnt the table on the full-size frames, fails on it (the table's region lies
 * outside the small image). The frame is retried, dead-lettered with its pixels, survives a
 * restart, fails again when replayed into an unfixed pipeline (attempts + 1, nothing lost), and
 * goes through once the operator's fix (re-learning the table on every frame) is in.
 */
class PoisonedFrameTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path images;
    @TempDir
    Path store;

    @Test
    void aPoisonedFrameIsDeadLetteredSurvivesARestartAndReplaysAfterTheFix() throws Exception {
        writeFramesEndingWithAThumbnail();
        String storeArg = "--" + RunningCuecast.DEAD_LETTERS_DIR + "=" + store;
        String id;
        try (RunningCuecast app = RunningCuecast.start(storeArg, "--cuecast.camera.source=images:" + images,
                "--cuecast.camera.loop=false", "--cuecast.camera.fps=4",
                "--cuecast.dead-letters.redelivery-delay-ms=1")) {
            JsonNode listed = Await.until(() -> get(app, "/api/v1/dead-letters?route=detection"),
                    list -> list.path("count").asInt() == 1, WAIT, "the thumbnail to be dead-lettered");
            JsonNode summary = listed.path("dead_letters").get(0);
            id = summary.path("id").asText();
            assertEquals("org.opencv.core.CvException", summary.path("exception").path("class").asText());
            assertEquals("pending", summary.path("status").asText());
            assertEquals(1, summary.path("attempts").asInt());
            assertEquals("detection", summary.path("replay_route").asText());
            assertEquals(4, summary.path("headers").path("CuecastFrameSequence").asInt());
            assertTrue(summary.path("body").isMissingNode(), "a listing carries no bodies");

            Mat kept = decodePng(get(app, "/api/v1/dead-letters/" + id).path("body").asText());
            assertEquals(640, kept.cols(), "the dead letter keeps the poisoned frame's own pixels");
            assertEquals(360, kept.rows());
            kept.release();
            JsonNode vision = get(app, "/api/v1/health").path("components").path("vision");
            assertTrue(vision.path("frames_processed").asInt() >= 2, "the good frames went through: " + vision);
        }

        try (RunningCuecast unfixed = RunningCuecast.start(storeArg)) {
            JsonNode after = get(unfixed, "/api/v1/dead-letters/" + id);
            assertEquals("pending", after.path("status").asText(), "the letter survived the restart");
            awaitTableFound(unfixed);
            JsonNode replay = post(unfixed, "/api/v1/dead-letters/" + id + "/replay", 200);
            assertEquals("failed", replay.path("result").asText(), replay.toString());
            assertEquals(2, replay.path("dead_letter").path("attempts").asInt());
            assertEquals("pending", replay.path("dead_letter").path("status").asText());
            assertEquals(1, get(unfixed, "/api/v1/dead-letters").path("count").asInt(), "updated, not duplicated");
        }

        try (RunningCuecast fixed = RunningCuecast.start(storeArg, "--cuecast.vision.table-refresh-frames=1")) {
            awaitTableFound(fixed);
            JsonNode replay = post(fixed, "/api/v1/dead-letters/" + id + "/replay", 200);
            assertEquals("replayed", replay.path("result").asText(), replay.toString());
            assertEquals("replayed", get(fixed, "/api/v1/dead-letters/" + id).path("status").asText());
            assertEquals(0, get(fixed, "/api/v1/dead-letters?status=pending").path("count").asInt());
            JsonNode again = post(fixed, "/api/v1/dead-letters/" + id + "/replay", 409);
            assertTrue(again.path("error").asText().contains("it is replayed, not pending"), again.toString());
        }
    }

    /** Three full-size simulator frames, then the same table as a 640x360 thumbnail. */
    private void writeFramesEndingWithAThumbnail() {
        try (SimulatedCamera camera = new SimulatedCamera(SimulatorSettings.defaults().withSeed(3))) {
            for (int n = 1; n <= 4; n++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    Mat image = frame.image();
                    if (n == 4) {
                        image = new Mat();
                        Imgproc.resize(frame.image(), image, new Size(640, 360));
                    }
                    assertTrue(Imgcodecs.imwrite(images.resolve("frame-" + n + ".png").toString(), image));
                }
            }
        }
    }

    private void awaitTableFound(RunningCuecast app) throws Exception {
        Await.until(() -> get(app, "/api/v1/health").path("components").path("vision"),
                vision -> vision.path("table_found").asBoolean(), WAIT, "the live camera's table to be found");
    }

    private static Mat decodePng(String base64) {
        MatOfByte png = new MatOfByte(Base64.getDecoder().decode(base64));
        Mat image = Imgcodecs.imdecode(png, Imgcodecs.IMREAD_COLOR);
        png.release();
        return image;
    }

    private JsonNode get(RunningCuecast app, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.http(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private JsonNode post(RunningCuecast app, String path, int expectedStatus) throws Exception {
        URI uri = app.http(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}

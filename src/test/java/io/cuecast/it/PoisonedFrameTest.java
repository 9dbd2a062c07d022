package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A real fault: a poisoned frame (see {@link PoisonedFrames}) makes detection throw. The frame is
 * retried, dead-lettered with its pixels, survives a restart, fails again when replayed into an
 * unfixed pipeline (attempts + 1, nothing lost), and goes through once the operator's fix
 * (re-learning the table on every frame) is in.
 */
class PoisonedFrameTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path images;
    @TempDir
    Path store;

    @Test
    void aPoisonedFrameIsDeadLetteredSurvivesARestartAndReplaysAfterTheFix() throws Exception {
        String storeArg = "--" + RunningCuecast.DEAD_LETTERS_DIR + "=" + store;
        String id;
        try (RunningCuecast app = RunningCuecast.start(storeArg, "--cuecast.camera.source=" + PoisonedFrames.writeTo(images),
                "--cuecast.camera.loop=false", "--cuecast.camera.fps=4",
                // The good frames are copies of one image: detect them all, to see them get past the poison.
                "--cuecast.vision.skip-still-frames=false",
                "--cuecast.dead-letters.redelivery-delay-ms=1")) {
            JsonHttp http = new JsonHttp(app);
            JsonNode listed = Await.until(() -> http.get("/api/v1/dead-letters?route=detection").body(),
                    list -> list.path("count").asInt() == 1, WAIT, "the thumbnail to be dead-lettered");
            JsonNode summary = listed.path("dead_letters").get(0);
            id = summary.path("id").asText();
            assertEquals("org.opencv.core.CvException", summary.path("exception").path("class").asText());
            assertEquals("pending", summary.path("status").asText());
            assertEquals(1, summary.path("attempts").asInt());
            assertEquals("detection", summary.path("replay_route").asText());
            assertEquals(PoisonedFrames.POISON_SEQUENCE, summary.path("headers").path("CuecastFrameSequence").asInt());
            assertTrue(summary.path("body").isMissingNode(), "a listing carries no bodies");

            Mat kept = decodePng(http.get("/api/v1/dead-letters/" + id).body().path("body").asText());
            assertEquals(640, kept.cols(), "the dead letter keeps the poisoned frame's own pixels");
            assertEquals(360, kept.rows());
            kept.release();
            JsonNode vision = http.get("/api/v1/health").body().path("components").path("vision");
            assertTrue(vision.path("frames_processed").asInt() >= 2, "the good frames went through: " + vision);
        }

        try (RunningCuecast unfixed = RunningCuecast.start(storeArg)) {
            JsonHttp http = new JsonHttp(unfixed);
            assertEquals("pending", http.get("/api/v1/dead-letters/" + id).body().path("status").asText(),
                    "the letter survived the restart");
            awaitTableFound(http);
            JsonHttp.Reply replay = http.post("/api/v1/dead-letters/" + id + "/replay", null);
            assertEquals(200, replay.status(), replay.body().toString());
            assertEquals("failed", replay.body().path("result").asText(), replay.body().toString());
            assertEquals(2, replay.body().path("dead_letter").path("attempts").asInt());
            assertEquals("pending", replay.body().path("dead_letter").path("status").asText());
            assertEquals(1, http.get("/api/v1/dead-letters").body().path("count").asInt(), "updated, not duplicated");
        }

        try (RunningCuecast fixed = RunningCuecast.start(storeArg, "--cuecast.vision.table-refresh-frames=1")) {
            JsonHttp http = new JsonHttp(fixed);
            awaitTableFound(http);
            JsonHttp.Reply replay = http.post("/api/v1/dead-letters/" + id + "/replay", null);
            assertEquals("replayed", replay.body().path("result").asText(), replay.body().toString());
            assertEquals("replayed", http.get("/api/v1/dead-letters/" + id).body().path("status").asText());
            assertEquals(0, http.get("/api/v1/dead-letters?status=pending").body().path("count").asInt());
            JsonHttp.Reply again = http.post("/api/v1/dead-letters/" + id + "/replay", null);
            assertEquals(409, again.status());
            assertTrue(again.body().path("error").asText().contains("it is replayed, not pending"), again.toString());
        }
    }

    private static void awaitTableFound(JsonHttp http) throws Exception {
        Await.until(() -> http.get("/api/v1/health").body().path("components").path("vision"),
                vision -> vision.path("table_found").asBoolean(), WAIT, "the live camera's table to be found");
    }

    private static Mat decodePng(String base64) {
        MatOfByte png = new MatOfByte(Base64.getDecoder().decode(base64));
        Mat image = Imgcodecs.imdecode(png, Imgcodecs.IMREAD_COLOR);
        png.release();
        return image;
    }
}

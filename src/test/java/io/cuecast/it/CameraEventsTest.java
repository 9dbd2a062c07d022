package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera's outage as game events, on the running application: the video file the camera reads
 * vanishes and comes back, and a client of the events stream gets one {@code camera_lost} with the
 * reason and one {@code camera_restored}, which the game API serves under the same sequences.
 */
class CameraEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aVanishedCameraIsOneCameraLostAndItsReturnOneCameraRestored(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("table.avi");
        CameraFaultTest.writeSimulatedVideo(video, 30);
        byte[] original = Files.readAllBytes(video);

        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=file:" + video,
                "--cuecast.camera.fps=30", "--cuecast.camera.breaker.open-seconds=1");
             WsClient client = WsClient.connect(app.ws("/api/v1/ws/events"))) {
            JsonHttp http = new JsonHttp(app);
            Await.until(() -> http.get("/api/v1/game/state").status(), status -> status == 200, WAIT,
                    "the camera's first state");

            Files.write(video, new byte[0]); // the open reader now hits the end at once
            Files.delete(video);
            JsonNode lost = client.nextMatching(m -> "camera_lost".equals(m.at("/data/event").asText()), WAIT,
                    "camera_lost");
            assertEquals("main", lost.path("table_id").asText(), "the table the camera watches");
            assertTrue(lost.at("/data/data/reason").asText().length() > 0, lost.toString());
            assertEquals("[]", lost.at("/data/ball_ids").toString());

            Files.write(video, original);
            JsonNode restored = client.nextMatching(m -> "camera_restored".equals(m.at("/data/event").asText()), WAIT,
                    "camera_restored");
            assertTrue(restored.at("/data/captured_at_us").asLong() >= lost.at("/data/captured_at_us").asLong(),
                    "the first frame after the failure was noticed: " + restored);
            assertTrue(restored.at("/data/data/down_s").asDouble() >= 0, restored.toString());
            assertTrue(client.drain().stream().noneMatch(m -> m.at("/data/event").asText().startsWith("camera_")),
                    "one of each per outage");

            List<String> served = new ArrayList<>();
            http.get("/api/v1/game/events?since=" + (lost.path("sequence").asLong() - 1)).body().path("events")
                    .forEach(e -> served.add(e.path("sequence").asLong() + " " + e.at("/data/event").asText()));
            assertTrue(served.contains(lost.path("sequence").asLong() + " camera_lost"), served.toString());
            assertTrue(served.contains(restored.path("sequence").asLong() + " camera_restored"), served.toString());
        }
    }
}

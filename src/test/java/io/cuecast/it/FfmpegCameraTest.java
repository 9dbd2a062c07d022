package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.InstalledFfmpeg;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cuecast playing an MP4 through ffmpeg as its camera, and leaving no ffmpeg behind when it stops. */
class FfmpegCameraTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void anMp4PlaysThroughFfmpegIntoTheStreamAndStoppingCuecastEndsFfmpeg(@TempDir Path folder) throws Exception {
        Path video = InstalledFfmpeg.simulatedTableMp4(folder.resolve("match.mp4"), 30);
        HttpClient http = HttpClient.newHttpClient();
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=file:" + video);
             WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}");
            client.nextOfType("state", WAIT);
            JsonNode camera = Await.until(() -> new ObjectMapper().readTree(http.send(
                            HttpRequest.newBuilder(app.http("/api/v1/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body()).at("/components/camera"),
                    c -> c.path("frames_captured").asLong() > 30, WAIT, "the looping video's frames on health");
            assertEquals("UP", camera.path("status").asText(), camera.toString());
            assertEquals("file:" + video, camera.path("source").asText());
            assertEquals(1, InstalledFfmpeg.runningFfmpegs().size(), "one ffmpeg feeds the camera");
        }
        assertTrue(InstalledFfmpeg.runningFfmpegs().isEmpty(), "ffmpeg ends with Cuecast");
    }
}

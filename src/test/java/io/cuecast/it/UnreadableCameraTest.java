package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camera that cannot be read is reported, and costs nothing else: the server and its clients run on. */
class UnreadableCameraTest {

    @Test
    void healthSaysTheCameraIsDownWhileTheGatewayKeepsServing() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=file:/no/such/video.avi")) {
            HttpResponse<String> response = healthOnceItSays(app, "cannot open");
            assertEquals(503, response.statusCode());
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertEquals("DOWN", health.path("status").asText());
            JsonNode camera = health.path("components").path("camera");
            assertEquals("DOWN", camera.path("status").asText());
            assertTrue(camera.path("error").asText().contains("cannot open video file '/no/such/video.avi'"),
                    camera.toString());
            assertTheGatewayServes(app);
        }
    }

    @Test
    void aVideoThatNeedsFfmpegWhereThereIsNoneNamesTheMissingProgramOnHealth(@TempDir Path folder) throws Exception {
        Path video = Files.writeString(folder.resolve("match.mp4"), "");
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=file:" + video,
                "--cuecast.camera.ffmpeg.path=" + folder.resolve("bin/ffmpeg"))) {
            HttpResponse<String> response = healthOnceItSays(app, "ffmpeg");
            assertEquals(503, response.statusCode());
            String error = new ObjectMapper().readTree(response.body()).at("/components/camera/error").asText();
            assertTrue(error.startsWith("the program '" + folder.resolve("bin/ffmpeg") + "' set in"
                    + " cuecast.camera.ffmpeg.path does not exist"), error);
            assertTheGatewayServes(app);
        }
    }

    private static HttpResponse<String> healthOnceItSays(RunningCuecast app, String text) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        return Await.until(() -> http.send(HttpRequest.newBuilder(app.http("/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString()),
                r -> r.body().contains(text), Duration.ofSeconds(10), "'" + text + "' on health");
    }

    private static void assertTheGatewayServes(RunningCuecast app) throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", Duration.ofSeconds(10));
            client.send("{\"type\":\"ping\"}");
            client.nextOfType("pong", Duration.ofSeconds(10));
        }
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

/**
 * A real fault in the camera: the video file it reads is emptied and removed mid-stream, then put
 * back. The camera's circuit breaker opens and its fallback alerts, health turns red, and the
 * stream resumes by itself once the file is back.
 */
class CameraFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aVanishedVideoFileRaisesAnAlertTurnsHealthRedAndTheStreamResumesWhenItIsBack(@TempDir Path dir)
            throws Exception {
        Path video = dir.resolve("table.avi");
        writeSimulatedVideo(video, 30);
        byte[] original = Files.readAllBytes(video);

        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=file:" + video,
                "--cuecast.camera.fps=30", "--cuecast.camera.breaker.open-seconds=1");
             WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"alert\"]}}");
            client.nextOfType("state", WAIT);

            Files.write(video, new byte[0]); // the open reader now hits the end at once
            Files.delete(video);

            JsonNode down = client.nextMatching(m -> "CAMERA_DOWN".equals(m.at("/data/code").asText()), WAIT,
                    "the CAMERA_DOWN alert");
            assertEquals("error", down.at("/data/level").asText());
            JsonNode health = Await.until(() -> health(app), h -> "DOWN".equals(h.at("/components/camera/status").asText()),
                    WAIT, "the camera's health to turn red");
            assertEquals("DOWN", health.path("status").asText());
            Await.until(() -> health(app).at("/components/circuit_breakers/states/camera-breaker").asText(),
                    state -> !"CLOSED".equals(state), WAIT, "the camera breaker to leave CLOSED");
            HttpResponse<String> ready = get(app, "/observe/health/ready");
            assertEquals(503, ready.statusCode(), "Camel's readiness probe sees the camera: " + ready.body());
            assertTrue(ready.body().contains("camera"), ready.body());
            assertEquals(200, get(app, "/observe/health/live").statusCode(), "a lost camera is no reason to restart");

            Files.write(video, original);

            client.nextMatching(m -> "CAMERA_DOWN_RESTORED".equals(m.at("/data/code").asText()), WAIT,
                    "the CAMERA_DOWN_RESTORED alert");
            client.drain();
            client.nextOfType("state", WAIT);
            JsonNode healed = Await.until(() -> health(app), h -> !"DOWN".equals(h.path("status").asText()), WAIT,
                    "health to recover");
            assertEquals("CLOSED", healed.at("/components/circuit_breakers/states/camera-breaker").asText());
            assertTrue(client.drain().stream().noneMatch(m -> "CAMERA_DOWN".equals(m.at("/data/code").asText())),
                    "one alert per outage");
        }
    }

    private JsonNode health(RunningCuecast app) throws Exception {
        return JSON.readTree(get(app, "/api/v1/health").body());
    }

    private HttpResponse<String> get(RunningCuecast app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(app.http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An MJPEG AVI of the simulated table, which the camera reads as it would a recording. */
    static void writeSimulatedVideo(Path path, int frames) {
        OpenCvNatives.load();
        SimulatorSettings settings = SimulatorSettings.defaults().withSize(640, 360);
        SimulatedCamera camera = new SimulatedCamera(settings);
        VideoWriter writer = new VideoWriter(path.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 30,
                new Size(settings.width(), settings.height()));
        try {
            for (int i = 0; i < frames; i++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    writer.write(frame.image());
                }
            }
        } finally {
            writer.release();
        }
    }
}

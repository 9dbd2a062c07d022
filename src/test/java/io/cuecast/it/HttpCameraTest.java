package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.camera.FrameSource;
import io.cuecast.camera.HttpMjpegSource;
import io.cuecast.camera.MjpegTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Cuecast watching an IP camera over HTTP: a real MJPEG server on loopback that dies mid-stream and
 * comes back. And the camera source reading Cuecast's own MJPEG endpoint, another real MJPEG server.
 */
class HttpCameraTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aCameraServerThatDiesRaisesAnAlertTurnsHealthRedAndTheStreamResumesWhenItIsBack() throws Exception {
        try (MjpegTestServer camera = MjpegTestServer.streaming();
             RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=" + camera.url(),
                     "--cuecast.camera.breaker.open-seconds=1", "--cuecast.camera.read-timeout-seconds=2");
             WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"alert\"]}}");
            client.nextOfType("state", WAIT);
            JsonNode up = Await.until(() -> health(app), h -> "UP".equals(h.at("/components/camera/status").asText()),
                    WAIT, "the camera's health to be green");
            assertEquals(camera.url().toString(), up.at("/components/camera/source").asText());

            camera.stop();

            JsonNode down = client.nextMatching(m -> "CAMERA_DOWN".equals(m.at("/data/code").asText()), WAIT,
                    "the CAMERA_DOWN alert");
            assertEquals("error", down.at("/data/level").asText());
            JsonNode red = Await.until(() -> health(app), h -> "DOWN".equals(h.at("/components/camera/status").asText()),
                    WAIT, "the camera's health to turn red");
            String error = red.at("/components/camera/error").asText();
            assertTrue(error.contains(camera.url().toString()), "the error says which camera: " + error);

            camera.restart();

            client.nextMatching(m -> "CAMERA_DOWN_RESTORED".equals(m.at("/data/code").asText()), WAIT,
                    "the CAMERA_DOWN_RESTORED alert");
            client.drain();
            client.nextOfType("state", WAIT);
            Await.until(() -> health(app), h -> "UP".equals(h.at("/components/camera/status").asText()), WAIT,
                    "the camera's health to be green again");
        }
    }

    @Test
    void theCameraSourceReadsCuecastsOwnMjpegStream() throws Exception {
        try (RunningCuecast app = RunningCuecast.start();
             FrameSource source = HttpMjpegSource.open(app.http("/api/v1/stream/video"), HttpClient.newHttpClient(),
                     Duration.ofSeconds(10), 30)) {
            for (int i = 0; i < 3; i++) {
                try (Frame frame = Await.until(() -> source.grab().orElse(null), f -> f != null, WAIT,
                        "a frame of Cuecast's video")) {
                    assertEquals(1280, frame.width(), "the simulator's configured size");
                    assertEquals(720, frame.height());
                }
            }
        }
    }

    private JsonNode health(RunningCuecast app) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(app.http("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A camera that cannot be read is reported, and costs nothing else: the server and its clients run on. */
class UnreadableCameraTest {

    @Test
    void healthSaysTheCameraIsDownWhileTheGatewayKeepsServing() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=file:/no/such/video.avi")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> response = Await.until(
                    () -> http.send(HttpRequest.newBuilder(app.http("/api/v1/health")).build(),
                            HttpResponse.BodyHandlers.ofString()),
                    r -> r.body().contains("cannot open"), Duration.ofSeconds(10), "the camera error on health");
            assertEquals(503, response.statusCode());
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertEquals("DOWN", health.path("status").asText());
            JsonNode camera = health.path("components").path("camera");
            assertEquals("DOWN", camera.path("status").asText());
            assertTrue(camera.path("error").asText().contains("cannot open video file '/no/such/video.avi'"),
                    camera.toString());
            try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
                client.nextOfType("connection", Duration.ofSeconds(10));
                client.send("{\"type\":\"ping\"}");
                client.nextOfType("pong", Duration.ofSeconds(10));
            }
        }
    }
}

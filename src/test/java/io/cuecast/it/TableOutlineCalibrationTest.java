package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table's outline set by hand over the calibration API, on the simulated table: the vision
 * pipeline maps balls through it from the next frame on, it is kept in its file, and removing it
 * gives the table back to detection.
 */
class TableOutlineCalibrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    /** 9 ft pool's playing area, in millimetres. */
    private static final double LENGTH_MM = 2540;

    @TempDir
    Path dir;

    @Test
    void anOutlineSetByHandIsWhatBallsAreMappedThroughUntilItIsRemoved() throws Exception {
        Path file = dir.resolve("outline.json");
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.width=" + WIDTH, "--cuecast.camera.height=" + HEIGHT,
                "--cuecast.vision.table-outline-file=" + file);
             WsClient client = WsClient.connect(app.ws("/api/v1/ws/state"))) {
            JsonHttp http = new JsonHttp(app);
            JsonNode found = Await.until(() -> http.get("/api/v1/calibration").body(),
                    status -> "detected".equals(status.at("/table_outline/source").asText()), WAIT, "the table found");
            assertFalse(found.at("/lens/calibrated").asBoolean(), found.toString());
            assertTrue(found.at("/lens/how").asText().contains("calibrate-lens"), found.toString());
            double left = Math.min(found.at("/table_outline/corners/0/x").asDouble(), found.at("/table_outline/corners/3/x").asDouble());
            double right = Math.max(found.at("/table_outline/corners/1/x").asDouble(), found.at("/table_outline/corners/2/x").asDouble());
            double top = Math.min(found.at("/table_outline/corners/0/y").asDouble(), found.at("/table_outline/corners/1/y").asDouble());
            double bottom = Math.max(found.at("/table_outline/corners/2/y").asDouble(), found.at("/table_outline/corners/3/y").asDouble());

            JsonHttp.Reply refused = http.put("/api/v1/calibration/table-outline", corners(-0.1, top, right, bottom));
            assertEquals(400, refused.status());
            assertEquals("corners[0].x must be between 0.0 and 1.0 (a fraction of the camera image's width), not -0.1",
                    refused.body().path("error").asText());
            assertFalse(Files.exists(file), "nothing saved");

            // Move the outline's left edge in by a tenth of the table: every ball then lies that much further left.
            double shiftedLeft = left + (right - left) / 10;
            JsonHttp.Reply saved = http.put("/api/v1/calibration/table-outline", corners(shiftedLeft, top, right, bottom));
            assertEquals(200, saved.status(), saved.body().toString());
            assertEquals("manual", saved.body().path("source").asText());
            assertTrue(Files.readString(file).contains(String.valueOf(shiftedLeft)), "kept in its file");
            client.nextMatching(state -> mappedThrough(state, shiftedLeft, left, right), WAIT,
                    "a state whose balls are mapped through the outline set by hand");

            assertEquals("detected", http.delete("/api/v1/calibration/table-outline").body().path("source").asText());
            assertFalse(Files.exists(file), "removed from its file");
            client.nextMatching(state -> mappedThrough(state, left, shiftedLeft, right), WAIT, "balls mapped through the found outline again");
        }
    }

    private static String corners(double left, double top, double right, double bottom) {
        return String.format(Locale.ROOT, "{\"corners\":[{\"x\":%s,\"y\":%s},{\"x\":%s,\"y\":%s},{\"x\":%s,\"y\":%s},"
                + "{\"x\":%s,\"y\":%s}]}", left, top, right, top, right, bottom, left, bottom);
    }

    /**
     * Each ball's x in millimetres is where its pixel lies between the outline's left and right edges,
     * and for one ball at least the other outline would put it elsewhere.
     */
    private static boolean mappedThrough(JsonNode state, double left, double otherLeft, double right) {
        JsonNode balls = state.at("/data/balls");
        if (!"state".equals(state.path("type").asText()) || balls.size() == 0) {
            return false;
        }
        boolean telling = false;
        for (JsonNode ball : balls) {
            double xMm = ball.at("/position/x").asDouble();
            double pixel = ball.at("/pixel/x").asDouble() / WIDTH;
            if (Math.abs(millimetres(pixel, left, right) - xMm) > 25) {
                return false;
            }
            telling |= Math.abs(millimetres(pixel, otherLeft, right) - xMm) > 100;
        }
        return telling;
    }

    private static double millimetres(double pixelFraction, double left, double right) {
        return (pixelFraction - left) / (right - left) * LENGTH_MM;
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * The projector page at {@code /projector}, in a real headless Chromium: its keystone calibration
 * is dragged and saved over REST, and a prediction on the trajectory stream is drawn through it and
 * fades out when the shot starts.
 */
class ProjectorPageTest extends AgainstCuecastInChromium {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;

    @BeforeAll
    static void openTheProjector() throws Exception {
        Path keystone = Files.createTempDirectory("cuecast-projector").resolve("keystone.json");
        startCuecastAndChromium(WIDTH, HEIGHT, "--cuecast.projector.keystone-file=" + keystone);
        // No shots of the simulator's own while the page is checked: the test plays the shot itself.
        assertEquals(200, http.post("/api/v1/websocket/system/stop", null).status());
        openPage();
    }

    private static void openPage() throws Exception {
        browser.driver().get(app.http("/projector").toString());
        Await.until(() -> browser.script("return window.cuecastProjector?.connection.status"), "online"::equals, WAIT,
                "the projector online");
    }

    @Test
    void aDraggedCornerIsSavedOverRestAndTheReopenedPageUsesIt() throws Exception {
        Map<?, ?> viewport = (Map<?, ?>) browser.script("return {w: innerWidth, h: innerHeight}");
        double width = ((Number) viewport.get("w")).doubleValue();
        double height = ((Number) viewport.get("h")).doubleValue();
        browser.driver().findElement(By.id("calibrate")).click();
        // the top-left handle sits at the screen's corner until calibrated; drag it to (10 %, 8 %)
        int toX = (int) Math.round(width * 0.10);
        int toY = (int) Math.round(height * 0.08);
        new Actions(browser.driver()).moveToLocation(3, 3).clickAndHold().moveToLocation(toX / 2, toY / 2)
                .moveToLocation(toX, toY).release().perform();
        browser.screenshot("projector-calibrating");
        browser.driver().findElement(By.id("save")).click();
        JsonHttp.Reply keystone = Await.until(() -> http.get("/api/v1/projector/keystone"),
                reply -> reply.body().at("/corners/0/x").asDouble() > 0.05, WAIT, "the dragged corner saved");
        assertEquals(toX / width, keystone.body().at("/corners/0/x").asDouble(), 1.5 / width);
        assertEquals(toY / height, keystone.body().at("/corners/0/y").asDouble(), 1.5 / height);
        assertEquals(1.0, keystone.body().at("/corners/2/x").asDouble(), "the other corners stay");
        openPage();
        Await.until(() -> browser.script("return window.cuecastProjector.keystoneLoaded && window.cuecastProjector.keystone[0].x"),
                x -> x instanceof Number n && Math.abs(n.doubleValue() - toX / width) < 1.5 / width, WAIT,
                "the reopened page drawing through the saved calibration");
    }

    @Test
    void aPredictionIsDrawnThroughTheKeystoneAndFadesOutWhenTheShotStarts() throws Exception {
        Gateway gateway = app.bean("gateway", Gateway.class);
        // the cue ball straight along the table's middle into the 1 ball, which runs on into the bottom-right
        // pocket; in the trajectory message's documented shape (docs/PROTOCOL.md)
        gateway.publish(Stream.TRAJECTORY, Map.of(
                "paths", List.of(
                        Map.of("id", 1, "points", List.of(Map.of("x", 500, "y", 635, "t", 0), Map.of("x", 1970, "y", 635, "t", 1.2),
                                Map.of("x", 2150, "y", 560, "t", 2.0))),
                        Map.of("id", 9, "points", List.of(Map.of("x", 2027, "y", 635, "t", 1.2), Map.of("x", 2520, "y", 1250, "t", 2.6)))),
                "collisions", List.of(Map.of("type", "ball", "position", Map.of("x", 1999, "y", 635), "time", 1.2, "balls", List.of(1, 9))),
                "pocket_entries", List.of(Map.of("id", 9, "pocket", "bottom-right", "position", Map.of("x", 2520, "y", 1250))),
                "ghost_ball", Map.of("position", Map.of("x", 1970, "y", 635)),
                "resting_positions", List.of(Map.of("id", 1, "position", Map.of("x", 2150, "y", 560))),
                "confidence", 0.8));
        Await.until(() -> browser.script("return window.cuecastProjector.predictionAlpha"),
                alpha -> alpha instanceof Number n && n.doubleValue() == 1.0, WAIT, "the prediction shown (the page's last error: "
                        + browser.script("return JSON.stringify(window.cuecastProjector.connection.lastError ?? null)") + ")");
        assertTrue(pathIsLit(), "the path's middle is lit on the projection");
        browser.driver().findElement(By.id("calibrate")).click();
        browser.screenshot("projector");
        browser.driver().findElement(By.id("cancel")).click();
        gateway.publish(Stream.EVENTS, Map.of("event", "shot_started", "frame", 120, "ball_ids", List.of(1),
                "data", Map.of("type", "cue", "number", 0, "speed_mm_s", 1500)));
        Await.until(() -> browser.script("return window.cuecastProjector.predictionAlpha"),
                alpha -> alpha instanceof Number n && n.doubleValue() == 0.0, WAIT, "the prediction faded out");
        assertTrue(((Number) browser.script("return window.cuecastProjector.fadeFrames")).intValue() >= 3,
                "faded over several frames, not cut");
        assertTrue(!pathIsLit(), "nothing is drawn once faded");

        // A prediction made before the strike that comes after shot_started is of the shot under way: not shown.
        gateway.publish(Stream.TRAJECTORY, Map.of("frame", 119, "paths", List.of(Map.of("id", 1, "points",
                List.of(Map.of("x", 500, "y", 635, "t", 0), Map.of("x", 1970, "y", 635, "t", 1.2)))), "confidence", 0.9));
        // Messages reach the page in order: once this state is read, the late prediction has been too.
        gateway.publish(Stream.STATE, Map.of("table", Map.of("length_mm", 2540, "width_mm", 1270, "size", "after the late prediction")));
        Await.until(() -> browser.script("return window.cuecastProjector.table.size"), "after the late prediction"::equals, WAIT,
                "the state published after the late prediction");
        assertEquals(0.0, ((Number) browser.script("return window.cuecastProjector.predictionAlpha")).doubleValue(),
                "the late prediction is not drawn");
        assertTrue(!pathIsLit(), "nothing is drawn for the shot under way");
    }

    /** Whether the projection is lit along the path at the table's middle (a dash or two either side of it). */
    private static boolean pathIsLit() {
        return (Boolean) browser.script("""
                const p = window.cuecastProjector;
                const canvas = document.getElementById('projection');
                const screen = p.keystone.map((c) => ({x: c.x * canvas.width, y: c.y * canvas.height}));
                const [tl, tr, br, bl] = screen;
                // the middle of the table lies where the outline's diagonals cross
                const d = (a, b, c, e) => {
                  const den = (a.x - b.x) * (c.y - e.y) - (a.y - b.y) * (c.x - e.x);
                  const t = ((a.x - c.x) * (c.y - e.y) - (a.y - c.y) * (c.x - e.x)) / den;
                  return {x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)};
                };
                const middle = d(tl, br, tr, bl);
                const pixels = canvas.getContext('2d').getImageData(Math.round(middle.x) - 30, Math.round(middle.y) - 2, 61, 5).data;
                let brightest = 0;
                for (let i = 0; i < pixels.length; i += 4) brightest = Math.max(brightest, pixels[i] + pixels[i + 1] + pixels[i + 2]);
                return brightest > 600;
                """);
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The viewer page at {@code /}, in a real headless Chromium, against the running application on its
 * simulated table: what it draws, shows and sends is checked against what the server says.
 */
class ViewerPageTest extends AgainstCuecastInChromium {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void openTheViewer() throws Exception {
        startCuecastAndChromium(1400, 1000);
        browser.driver().get(app.http("/").toString());
        Await.until(() -> browser.script("return window.cuecast?.connection.status"), "online"::equals, WAIT,
                "the viewer online");
    }

    @Test
    void onAPhoneThePageFitsTheScreenWithTheVideoTheTableAndTheEventsOneAboveTheOther() throws Exception {
        Dimension desktop = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            Map<?, ?> layout = Await.until(() -> (Map<?, ?>) browser.script("""
                    const box = (id) => document.getElementById(id).getBoundingClientRect();
                    const [video, schematic, events] = ['overlay', 'schematic', 'events'].map(box);
                    return {width: innerWidth, scrollWidth: document.documentElement.scrollWidth,
                            video: [video.left, video.right, video.bottom], schematic: [schematic.left, schematic.right, schematic.top],
                            events: [events.left, events.right, events.top]};
                    """), page -> ((Number) page.get("width")).intValue() < 500, WAIT, "the window at a phone's width");
            double width = ((Number) layout.get("width")).doubleValue();
            browser.screenshot("viewer-phone");
            assertTrue(((Number) layout.get("scrollWidth")).doubleValue() <= width + 1,
                    "nothing wider than the screen, no sideways scrolling: " + layout);
            for (String part : List.of("video", "schematic", "events")) {
                List<?> edges = (List<?>) layout.get(part);
                assertTrue(((Number) edges.get(0)).doubleValue() >= 0 && ((Number) edges.get(1)).doubleValue() <= width + 1,
                        part + " within the screen's width: " + layout);
            }
            assertTrue(((Number) ((List<?>) layout.get("schematic")).get(2)).doubleValue()
                    >= ((Number) ((List<?>) layout.get("video")).get(2)).doubleValue() - 1,
                    "one column: the table schematic below the video: " + layout);
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void theOverlayDrawsEveryBallWhereTheStateMessageOfThatSequencePutsIt() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/state"))) {
            Map<Long, JsonNode> statesBySequence = new HashMap<>();
            Map<?, ?> page = Await.until(() -> {
                client.drain().stream().filter(m -> m.path("type").asText().equals("state"))
                        .forEach(m -> statesBySequence.put(m.path("sequence").asLong(), m.path("data")));
                Map<?, ?> drawn = drawnOverlay();
                return drawn != null && statesBySequence.containsKey(((Number) drawn.get("sequence")).longValue()) ? drawn : null;
            }, drawn -> drawn != null, WAIT, "the page drawing a state this client received too");
            JsonNode state = statesBySequence.get(((Number) page.get("sequence")).longValue());
            List<?> balls = (List<?>) page.get("balls");
            assertTrue(state.path("balls").size() >= 10, "the simulator's rack is on the table: " + state);
            assertEquals(state.path("balls").size(), balls.size(), "one ring per ball");
            for (int i = 0; i < balls.size(); i++) {
                Map<?, ?> ball = (Map<?, ?>) balls.get(i);
                JsonNode expected = state.path("balls").get(i);
                assertEquals(expected.path("id").asLong(), ((Number) ball.get("id")).longValue());
                assertEquals(expected.at("/pixel/x").asDouble(), ((Number) ball.get("x")).doubleValue(), 1e-9, "ball x");
                assertEquals(expected.at("/pixel/y").asDouble(), ((Number) ball.get("y")).doubleValue(), 1e-9, "ball y");
                assertTrue(((Number) ball.get("ringAlpha")).intValue() > 128, "the ring is painted at ball " + ball);
            }
            assertEquals(1280L, page.get("canvasWidth"), "the overlay is in the video's pixel space");
            List<?> outline = (List<?>) page.get("outline");
            JsonNode cornersPx = state.at("/table/corners_px");
            assertEquals(4, cornersPx.size(), "the state says where the table's corners are: " + state.path("table"));
            for (int i = 0; i < 4; i++) {
                Map<?, ?> corner = (Map<?, ?>) outline.get(i);
                assertEquals(cornersPx.get(i).path("x").asDouble(), ((Number) corner.get("x")).doubleValue(), 0.5,
                        "the outline is drawn through the table's corners: " + outline);
                assertEquals(cornersPx.get(i).path("y").asDouble(), ((Number) corner.get("y")).doubleValue(), 0.5,
                        "the outline is drawn through the table's corners: " + outline);
            }
            browser.screenshot("viewer");
        }
    }

    /** What the overlay last drew (its balls, and the table outline's corners), with the canvas's own pixel on each ball's ring, read in one go. */
    private static Map<?, ?> drawnOverlay() {
        return (Map<?, ?>) browser.script("""
                const drawn = window.cuecast.liveView.drawn;
                if (!drawn || window.cuecast.drawnSequence == null) return null;
                const canvas = document.getElementById('overlay');
                const ctx = canvas.getContext('2d');
                return {sequence: window.cuecast.drawnSequence, canvasWidth: canvas.width, outline: drawn.outline,
                        balls: drawn.balls.map((b) => ({id: b.id, x: b.x, y: b.y,
                            ringAlpha: ctx.getImageData(Math.round(b.x + drawn.radius), Math.round(b.y), 1, 1).data[3]}))};
                """);
    }

    @Test
    void theEventsFeedFillsDuringAShot() throws Exception {
        Await.until(() -> browser.driver().findElements(By.cssSelector("#events li[data-event=shot_started]")).size(),
                count -> count > 0, WAIT, "a shot_started in the feed");
        WebElement ended = Await.until(() -> browser.driver().findElements(By.cssSelector("#events li[data-event=shot_ended]")),
                found -> !found.isEmpty(), WAIT, "a shot_ended in the feed").get(0);
        assertTrue(ended.getText().matches("(?s).*Shot ended after [0-9.]+ s: first hit .*cushions.*collisions.*"), ended.getText());
        browser.screenshot("viewer-events");
    }

    @Test
    void anAlertsAcknowledgeButtonSendsTheAckTheServerRecords() throws Exception {
        String clientId = (String) browser.script("return window.cuecast.connection.clientId");
        // Other tests' alerts may still await the page's ack: count from what is pending now.
        int before = pendingAcks(clientId);
        assertEquals(200, http.post("/api/v1/websocket/broadcast/alert?level=warning&code=CHALK&message="
                + URLEncoder.encode("chalk the cue", StandardCharsets.UTF_8), null).status());
        WebElement alert = Await.until(() -> browser.driver().findElements(By.xpath("//li[contains(., 'chalk the cue')]")),
                found -> !found.isEmpty(), WAIT, "the alert on the page").get(0);
        assertEquals(before + 1, pendingAcks(clientId), "the server awaits the page's ack");
        alert.findElement(By.cssSelector("button.ack")).click();
        Await.until(() -> pendingAcks(clientId), pending -> pending == before, WAIT, "the ack reaching the server");
        Await.until(alert::getText, text -> text.contains("acknowledged"), WAIT, "the alert marked acknowledged");
    }

    private int pendingAcks(String clientId) throws Exception {
        return http.get("/api/v1/websocket/connections/" + clientId).body().path("pending_acks").asInt();
    }

    private static WebElement alertSaying(String text) throws Exception {
        return Await.until(() -> browser.driver().findElements(By.xpath("//li[contains(., '" + text + "')]")),
                found -> !found.isEmpty(), WAIT, "the alert '" + text + "' on the page").get(0);
    }

    @Test
    void aKilledConnectionShowsOfflineAndTheReconnectResumesWhatWasMissed() throws Exception {
        String clientId = (String) browser.script("return window.cuecast.connection.clientId");
        http.post("/api/v1/websocket/broadcast/alert?level=info&message=not+acked+before+the+drop", null);
        alertSaying("not acked before the drop");
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver().setNetworkConditions(offline);
        try {
            http.post("/api/v1/websocket/connections/" + clientId + "/disconnect", null);
            WebElement status = browser.driver().findElement(By.id("connection-status"));
            Await.until(status::getText, text -> text.startsWith("offline"), WAIT, "the page saying it is offline");
            browser.screenshot("viewer-offline");
            http.post("/api/v1/websocket/broadcast/alert?level=info&message=sent+while+offline", null);
        } finally {
            browser.driver().deleteNetworkConditions();
        }
        Await.until(() -> browser.script("return window.cuecast.connection.status"), "online"::equals, WAIT, "back online");
        assertNotEquals(clientId, browser.script("return window.cuecast.connection.clientId"), "a new connection");
        alertSaying("sent while offline");
        JsonNode health = JSON.valueToTree(browser.script("return window.cuecast.connection.lastResume.recovered"));
        assertTrue(health.path("alert").path("main").asBoolean(), "the alert stream recovered everything: " + health);
        assertEquals("online", browser.driver().findElement(By.id("connection-status")).getText());
        // Read in the page in one step: the panel redraws its fields, so a found element may be gone a moment later.
        Await.until(() -> String.valueOf(browser.script(
                        "return document.querySelector('[data-field=last-resume]')?.textContent ?? ''")),
                text -> text.contains("alert: recovered all"), WAIT, "the health panel telling the resume recovered all");
        // The page resumed from before the alert it had not acked, so the new connection awaits its ack.
        WebElement unacked = alertSaying("not acked before the drop");
        unacked.findElement(By.cssSelector("button.ack")).click();
        Await.until(unacked::getText, text -> text.contains("acknowledged") && !text.contains("nothing"), WAIT,
                "the ack of an alert from before the drop, taken by the new connection");
    }

    @Test
    void theStreamControlsSubscribeWithTheFilterAndShowTheServersRefusalBesideTheStream() throws Exception {
        WebElement maxFps = browser.driver().findElement(By.cssSelector("fieldset[data-stream=state] input[name=max_fps]"));
        WebElement problem = browser.driver().findElement(By.cssSelector("fieldset[data-stream=state] .problem"));
        maxFps.clear();
        maxFps.sendKeys("500\t");
        Await.until(problem::getText, text -> text.contains("max_fps"), WAIT, "the server's refusal beside the state stream");
        maxFps.clear();
        maxFps.sendKeys("30\t");
        String clientId = (String) browser.script("return window.cuecast.connection.clientId");
        Await.until(() -> http.get("/api/v1/websocket/connections/" + clientId).body().at("/filters/state/max_fps").asDouble(),
                fps -> fps == 30.0, WAIT, "the filter in force on the server");
        assertEquals("", problem.getText(), "the refusal is gone once a good filter is sent");
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The operator pages (dead letters, live configuration, calibration) in a real headless Chromium, against the REST APIs they drive. */
class OperatorPagesTest extends AgainstCuecastInChromium {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void start() throws Exception {
        startCuecastAndChromium(1280, 900, "--cuecast.vision.table-outline-file="
                + Files.createTempDirectory("cuecast-outline").resolve("outline.json"));
    }

    @Test
    void theTableOutlineIsSetByClickingItsFourCornersOnTheSnapshot() throws Exception {
        browser.driver().get(app.http("/calibration").toString());
        Await.until(() -> browser.driver().findElement(By.id("source")).getText(), "found by Cuecast"::equals, WAIT,
                "the outline Cuecast found");
        Await.until(() -> browser.script("return document.getElementById('snapshot').naturalWidth"),
                width -> ((Number) width).intValue() > 0, WAIT, "the camera's picture");
        assertTrue(browser.driver().findElement(By.id("lens")).getText().contains("calibrate-lens"), "no lens calibration yet");

        WebElement canvas = browser.driver().findElement(By.id("outline"));
        double[][] corners = {{0.1, 0.12}, {0.9, 0.1}, {0.92, 0.88}, {0.08, 0.9}};
        for (double[] corner : corners) {
            // Selenium's offsets count from the element's centre.
            new Actions(browser.driver()).moveToElement(canvas, (int) Math.round((corner[0] - 0.5) * canvas.getSize().width),
                    (int) Math.round((corner[1] - 0.5) * canvas.getSize().height)).click().perform();
        }
        assertTrue(browser.driver().findElement(By.id("prompt")).getText().startsWith("All four corners are set"));
        browser.screenshot("calibration");
        browser.driver().findElement(By.id("save")).click();

        JsonNode saved = Await.until(() -> http.get("/api/v1/calibration").body().path("table_outline"),
                outline -> "manual".equals(outline.path("source").asText()), WAIT, "the outline saved");
        for (int i = 0; i < corners.length; i++) {
            assertEquals(corners[i][0], saved.at("/corners/" + i + "/x").asDouble(), 0.01, saved.toString());
            assertEquals(corners[i][1], saved.at("/corners/" + i + "/y").asDouble(), 0.01, saved.toString());
        }
        Await.until(() -> browser.driver().findElement(By.id("source")).getText(), "set by hand"::equals, WAIT,
                "the page showing the outline set by hand");

        browser.driver().findElement(By.id("detect")).click();
        Await.until(() -> http.get("/api/v1/calibration").body().at("/table_outline/source").asText(), "detected"::equals,
                WAIT, "the table found by Cuecast again");
    }

    @Test
    void aRefusedConfigChangeShowsEachProblemBesideItsFieldAndAGoodOneIsApplied() throws Exception {
        browser.driver().get(app.http("/config").toString());
        WebElement state = Await.until(() -> browser.driver().findElements(By.cssSelector("form[data-section=state]")),
                found -> !found.isEmpty(), WAIT, "the state section's form").get(0);
        double rateBefore = http.get("/api/v1/config/state").body().path("max-rate-hz").asDouble();
        type(state, "max-rate-hz", "0");
        type(state, "noise-mm", "500");
        state.findElement(By.cssSelector("button[type=submit]")).click();
        String rateProblem = Await.until(() -> problemBeside(state, "max-rate-hz"), text -> !text.isEmpty(), WAIT,
                "the rate's problem beside it");
        assertTrue(rateProblem.startsWith("config key 'cuecast.state.max-rate-hz' is '0"), rateProblem);
        assertTrue(problemBeside(state, "noise-mm").startsWith("config key 'cuecast.state.noise-mm' is '500"),
                problemBeside(state, "noise-mm"));
        assertEquals("", problemBeside(state, "keepalive-seconds"), "a good field shows no problem");
        assertEquals(rateBefore, http.get("/api/v1/config/state").body().path("max-rate-hz").asDouble(), "nothing was changed");
        browser.screenshot("config-refused");

        type(state, "max-rate-hz", "5");
        type(state, "noise-mm", "2.5");
        state.findElement(By.cssSelector("button[type=submit]")).click();
        Await.until(() -> http.get("/api/v1/config/state").body().path("max-rate-hz").asDouble(), rate -> rate == 5.0, WAIT,
                "the change applied");
        assertEquals(2.5, http.get("/api/v1/config/state").body().path("noise-mm").asDouble());
        Await.until(() -> problemBeside(state, "max-rate-hz") + state.findElement(By.className("outcome")).getText(),
                text -> text.startsWith("saved: "), WAIT, "the page saying it saved");
    }

    private static void type(WebElement form, String key, String value) {
        WebElement input = form.findElement(By.name(key));
        input.clear();
        input.sendKeys(value);
    }

    private static String problemBeside(WebElement form, String key) {
        return form.findElement(By.name(key)).findElement(By.xpath("following-sibling::span[@class='problem']")).getText();
    }

    @Test
    void aDeadLetterIsListedInspectedReplayedAndPurgedFromThePage() throws Exception {
        String id = unacknowledgedAlertDeadLetter();
        browser.driver().get(app.http("/dead-letters").toString());
        WebElement row = Await.until(() -> browser.driver().findElements(By.cssSelector("tr[data-id='" + id + "']")),
                found -> !found.isEmpty(), WAIT, "the letter listed").get(0);
        assertTrue(row.getText().contains("gateway") && row.getText().contains("pending"), row.getText());
        row.findElement(By.xpath(".//button[text()='Inspect']")).click();
        WebElement detail = browser.driver().findElement(By.id("detail"));
        Await.until(detail::getText, text -> text.contains("\"id\": \"" + id + "\"") && text.contains("\"body\""), WAIT,
                "the letter's full record");
        browser.screenshot("dead-letters");

        row.findElement(By.xpath(".//button[text()='Replay']")).click();
        Await.until(() -> http.get("/api/v1/dead-letters/" + id).body().path("status").asText(), "replayed"::equals, WAIT,
                "the letter replayed");
        Await.until(() -> browser.driver().findElement(By.id("message")).getText(), (id + ": replayed")::equals, WAIT,
                "the page saying so");

        WebElement replayedRow = Await.until(() -> browser.driver().findElements(By.cssSelector("tr[data-id='" + id + "']")),
                found -> !found.isEmpty() && found.get(0).getText().contains("replayed"), WAIT, "the list refreshed").get(0);
        replayedRow.findElement(By.xpath(".//button[text()='Purge']")).click();
        Await.until(() -> http.get("/api/v1/dead-letters/" + id).body().path("status").asText(), "purged"::equals, WAIT,
                "the letter purged");
    }

    /** An alert a client never acknowledged before it left: the gateway keeps it as a dead letter. */
    private static String unacknowledgedAlertDeadLetter() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/alert"))) {
            client.nextOfType("subscribed", WAIT);
            http.post("/api/v1/websocket/broadcast/alert?level=warning&message=nobody+acked+this", null);
            client.nextOfType("alert", WAIT);
        }
        JsonNode letters = Await.until(() -> http.get("/api/v1/dead-letters?cause=ClientDisconnected").body(),
                list -> list.path("count").asInt() > 0, WAIT, "the unacknowledged alert's dead letter");
        return letters.path("dead_letters").get(0).path("id").asText();
    }
}

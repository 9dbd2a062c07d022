package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stream's publication rate (cuecast.publish.alert.max-rate, the alert branch's throttle in
 * routes/publish.camel.yaml) is capped: alerts posted all at once reach a real WebSocket client
 * spread out to the rate, none lost.
 */
class PublishRateTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int RATE = 2;
    private static final int ALERTS = 7;
    private static final long SECOND_LESS_JITTER_US = 800_000;

    @Test
    void alertsPostedAtOnceGoOutAtMostAtTheStreamsRate() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.publish.alert.max-rate=" + RATE);
             WsClient client = WsClient.connect(app.ws("/api/v1/ws/alert"))) {
            client.nextOfType("subscribed", WAIT);
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                posts.add(http.sendAsync(HttpRequest.newBuilder(
                                app.http("/api/v1/websocket/broadcast/alert?level=info&message=burst+" + i))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
            }

            List<JsonNode> alerts = new ArrayList<>(client.collect("alert", ALERTS, WAIT));
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                assertEquals(200, post.join().statusCode(), post.join().body());
            }
            alerts.sort(Comparator.comparingLong(alert -> alert.path("sequence").asLong()));
            // Within any second at most RATE go out: the one RATE places later is about a second on.
            // ts_us is stamped after the throttle, so a loaded machine shifts it by tens of ms; without
            // the throttle the gaps are a few ms.
            for (int i = 0; i + RATE < alerts.size(); i++) {
                long gapUs = alerts.get(i + RATE).path("ts_us").asLong() - alerts.get(i).path("ts_us").asLong();
                assertTrue(gapUs >= SECOND_LESS_JITTER_US, "alerts " + i + " and " + (i + RATE) + " went out " + gapUs
                        + " us apart, but at most " + RATE + " a second may");
            }
            long spanUs = alerts.get(ALERTS - 1).path("ts_us").asLong() - alerts.get(0).path("ts_us").asLong();
            assertTrue(spanUs >= (ALERTS - 1) / RATE * SECOND_LESS_JITTER_US, "all went out within " + spanUs + " us");
        }
    }
}

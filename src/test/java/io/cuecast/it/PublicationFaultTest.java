package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.ops.BreakerOpenException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * A real fault in a broadcast path: messages on the config stream that the gateway's own serializer
 * refuses. The send is retried, the stream's breaker opens, a PUBLISH_FAILING alert reaches a real
 * WebSocket client on the alert stream (which has its own breaker), every failed message is in the
 * dead letters, and the breaker closes again once the stream's messages go through.
 */
class PublicationFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int FAILURES = 3;
    private static final int REDELIVERIES = 2;
    /** Long enough for the checks of the open breaker to run before it turns half-open by itself. */
    private static final int OPEN_SECONDS = 5;

    /** Data the gateway's JSON serializer refuses, as a bug in a publisher would hand it. */
    public static final class Unserializable {
        public String getValue() {
            throw new IllegalStateException("this value cannot be read");
        }
    }

    @Test
    void aFailingStreamRetriesOpensItsBreakerAlertsDeadLettersAndClosesAgain() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.publish.breaker.failures=" + FAILURES,
                "--cuecast.publish.breaker.open-seconds=" + OPEN_SECONDS, "--cuecast.dead-letters.max-redeliveries=" + REDELIVERIES,
                "--cuecast.dead-letters.redelivery-delay-ms=10");
             WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            JsonHttp http = new JsonHttp(app);
            client.nextOfType("connection", WAIT);
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\",\"config\"]}}");
            client.nextOfType("subscribed", WAIT);
            assertEquals("CLOSED", breakerState(http));
            long attemptsBefore = failedSendAttempts(http);

            ProducerTemplate publisher = app.context().createProducerTemplate();
            for (int i = 0; i < FAILURES; i++) {
                publisher.sendBodyAndHeader("direct:publish", new Unserializable(), "CuecastStream", "config");
            }

            assertEquals(FAILURES * (1 + REDELIVERIES), failedSendAttempts(http) - attemptsBefore,
                    "each failed send is retried before it counts against the breaker");
            // Open: the next message is not tried at all, and is kept too.
            publisher.sendBodyAndHeader("direct:publish", new Unserializable(), "CuecastStream", "config");
            assertEquals(FAILURES * (1 + REDELIVERIES), failedSendAttempts(http) - attemptsBefore,
                    "an open breaker does not try");

            JsonNode alert = client.nextMatching(m -> "PUBLISH_FAILING".equals(m.at("/data/code").asText()), WAIT,
                    "the PUBLISH_FAILING alert");
            assertEquals("the config stream's publication", alert.at("/data/details/component").asText());
            assertEquals("error", alert.at("/data/level").asText());
            assertEquals("OPEN", breakerState(http));
            assertEquals("DEGRADED", http.get("/api/v1/health").body().at("/components/circuit_breakers/status").asText());
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.http("/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("cuecast_circuit_breaker_state{breaker=\"publish-config\",state=\"OPEN\"} 1.0"),
                    metrics.lines().filter(line -> line.contains("breaker")).toList().toString());

            JsonNode letters = http.get("/api/v1/dead-letters?route=publish").body();
            assertEquals(FAILURES + 1, letters.path("count").asInt(), letters.toString());
            List<String> causes = new ArrayList<>();
            letters.path("dead_letters").forEach(letter -> {
                causes.add(letter.at("/exception/class").asText());
                assertEquals("publish", letter.path("replay_route").asText(), letter.toString());
            });
            assertEquals(FAILURES, causes.stream().filter(IllegalArgumentException.class.getName()::equals).count(), causes.toString());
            assertEquals(BreakerOpenException.class.getName(), causes.get(FAILURES), causes.toString());

            Await.until(() -> breakerState(http), "HALF_OPEN"::equals, WAIT, "the breaker to try again");
            JsonHttp.Reply change = http.patch("/api/v1/config/state", "{\"noise-mm\": 3}");
            assertEquals(200, change.status(), change.body().toString());
            assertEquals("state", client.nextOfType("config", WAIT).at("/data/section").asText());
            client.nextMatching(m -> "PUBLISH_FAILING_RESTORED".equals(m.at("/data/code").asText()), WAIT,
                    "the PUBLISH_FAILING_RESTORED alert");
            assertEquals("CLOSED", breakerState(http));
            assertEquals(FAILURES + 1, http.get("/api/v1/dead-letters?route=publish").body().path("count").asInt(),
                    "the message that went through is not a dead letter");
        }
    }

    private static String breakerState(JsonHttp http) throws Exception {
        return http.get("/api/v1/health").body().at("/components/circuit_breakers/states/publish-config").asText();
    }

    /** Failed calls of the gateway-send route's send step, each try counted, from its MBean over Jolokia. */
    private static long failedSendAttempts(JsonHttp http) throws Exception {
        return http.get("/observe/jolokia/read/org.apache.camel:context=cuecast,type=processors,"
                + "name=%22gateway-send-message%22/ExchangesFailed").body().path("value").asLong();
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real fault in the dead-letter path: the store fills up (poisoned frames keep failing detection
 * and a 1 MB store holds only a few of them). Its breaker opens, a DEAD_LETTERS_FAILING alert
 * reaches a real WebSocket client, and once an operator purges the letters the store takes letters
 * again, the breaker closes and DEAD_LETTERS_FAILING_RESTORED goes out.
 */
class DeadLetterStoreFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aFullStoreOpensItsBreakerAlertsAndRecoversOnceLettersArePurged() throws Exception {
        String source = PoisonedFrames.writeTo(Files.createTempDirectory("cuecast-poisoned"));
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.source=" + source, "--cuecast.camera.loop=true",
                "--cuecast.camera.fps=8", "--cuecast.dead-letters.max-redeliveries=0",
                "--cuecast.dead-letters.max-file-mb=1", "--cuecast.dead-letters.breaker.failures=2",
                "--cuecast.dead-letters.breaker.open-seconds=1");
             WsClient client = WsClient.connect(app.ws("/api/v1/ws/alert"))) {
            JsonHttp http = new JsonHttp(app);
            JsonNode down = client.nextMatching(m -> "DEAD_LETTERS_FAILING".equals(m.at("/data/code").asText()), WAIT,
                    "the DEAD_LETTERS_FAILING alert");
            assertEquals("the dead-letter store", down.at("/data/details/component").asText());
            Await.until(() -> http.get("/api/v1/health").body().at("/components/circuit_breakers/states/dead-letters-breaker")
                    .asText(), state -> !"CLOSED".equals(state), WAIT, "the store's breaker to leave CLOSED");

            JsonHttp.Reply purged = http.delete("/api/v1/dead-letters?status=pending");
            assertEquals(200, purged.status(), purged.body().toString());

            client.nextMatching(m -> "DEAD_LETTERS_FAILING_RESTORED".equals(m.at("/data/code").asText()), WAIT,
                    "the DEAD_LETTERS_FAILING_RESTORED alert");
            Await.until(() -> http.get("/api/v1/dead-letters?status=pending").body().path("count").asInt(),
                    count -> count > 0, WAIT, "new letters to be stored after the purge");
        }
    }
}

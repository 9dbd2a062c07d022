package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.ops.deadletter.DeadLetterCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cuecast dead-letters ...} against a running server, over real HTTP. The dead letters are
 * real: alerts owed by a WebSocket client that left without acknowledging them.
 */
class DeadLetterCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed, and its exit code. */
    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run cli(RunningCuecast app, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", "http://localhost:" + app.port));
        int exit = DeadLetterCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsShowsReplaysAndPurgesFromTheCommandLineAndCountsThemInTheMetrics() throws Exception {
        try (RunningCuecast app = RunningCuecast.start()) {
            JsonHttp http = new JsonHttp(app);
            try (WsClient leaving = WsClient.connect(app.ws("/api/v1/ws"))) {
                leaving.nextOfType("connection", WAIT);
                leaving.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\"]}}");
                leaving.nextOfType("subscribed", WAIT);
                for (String message : List.of("first", "second")) {
                    http.post("/api/v1/websocket/broadcast/alert?level=error&message=" + message, null);
                }
                leaving.collect("alert", 2, WAIT);
            }
            Await.until(() -> cli(app, "list", "--cause", "ClientDisconnected").json().path("count").asInt(),
                    count -> count == 2, WAIT, "two dead letters from the client that left");

            Run list = cli(app, "list", "--route", "gateway", "--limit", "1");
            assertEquals(0, list.exit(), list.err());
            String id = list.json().at("/dead_letters/0/id").asText();

            Run show = cli(app, "show", id);
            assertEquals(0, show.exit(), show.err());
            assertEquals("ClientDisconnected", show.json().at("/exception/class").asText());
            assertEquals("application/json", show.json().path("content_type").asText());

            Run replay = cli(app, "replay", id);
            assertEquals(0, replay.exit(), replay.err());
            assertEquals("replayed", replay.json().at("/outcomes/0/result").asText(), replay.out());

            Run purge = cli(app, "purge", "--cause", "ClientDisconnected", "--status", "pending");
            assertEquals(0, purge.exit(), purge.err());
            assertEquals(1, purge.json().path("count").asInt(), "the one not replayed");

            String metrics = Await.until(() -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(app.http("/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body(),
                    text -> text.contains("cuecast_dead_letters_total"), WAIT, "the dead-letter counter");
            assertTrue(metrics.contains("cuecast_dead_letters_total{cause=\"ClientDisconnected\",route=\"gateway\"} 2.0"),
                    metrics.lines().filter(l -> l.contains("dead_letters")).toList().toString());
            assertTrue(metrics.contains("cuecast_dead_letters_pending 0.0"), "one replayed, one purged");

            Run missing = cli(app, "show", "no-such-id");
            assertEquals(1, missing.exit());
            assertTrue(missing.err().contains("404") && missing.err().contains("no dead letter with id 'no-such-id'"),
                    missing.err());
        }
    }
}

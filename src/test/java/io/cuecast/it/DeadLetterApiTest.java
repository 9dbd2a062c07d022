package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API under /api/v1/dead-letters over real HTTP, with real dead letters: the camera loops
 * over an image folder with a poisoned frame (see {@link PoisonedFrames}), so detection dead-letters
 * it once per loop.
 */
class DeadLetterApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static RunningCuecast app;
    private static JsonHttp http;

    @BeforeAll
    static void start() throws Exception {
        String source = PoisonedFrames.writeTo(Files.createTempDirectory("cuecast-poisoned"));
        app = RunningCuecast.start("--cuecast.camera.source=" + source, "--cuecast.camera.loop=true",
                "--cuecast.camera.fps=8", "--cuecast.dead-letters.max-redeliveries=0");
        http = new JsonHttp(app);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.path("dead_letters").forEach(letter -> ids.add(letter.path("id").asText()));
        return ids;
    }

    private static JsonNode awaitLetters(int count) throws Exception {
        return Await.until(() -> http.get("/api/v1/dead-letters?route=detection&status=pending&limit=" + count).body(),
                list -> list.path("count").asInt() == count, WAIT, count + " pending dead letters");
    }

    @Test
    void listsFiltersAndShowsDeadLetters() throws Exception {
        JsonNode two = awaitLetters(2);
        JsonNode first = two.path("dead_letters").get(0);
        assertEquals("detection", first.path("route").asText());
        assertEquals("image/png", first.path("content_type").asText());
        assertTrue(first.path("body_size").asInt() > 1000, first.toString());
        assertTrue(Instant.parse(first.path("time").asText()).isBefore(
                Instant.parse(two.path("dead_letters").get(1).path("time").asText())), "oldest first");

        assertEquals(1, http.get("/api/v1/dead-letters?cause=CvException&limit=1").body().path("count").asInt());
        assertEquals(0, http.get("/api/v1/dead-letters?cause=IllegalStateException").body().path("count").asInt());
        assertEquals(0, http.get("/api/v1/dead-letters?route=publish").body().path("count").asInt());
        assertEquals(0, http.get("/api/v1/dead-letters?since=2999-01-01T00:00:00Z").body().path("count").asInt());

        JsonNode shown = http.get("/api/v1/dead-letters/" + first.path("id").asText()).body();
        assertEquals(first.path("id"), shown.path("id"));
        assertTrue(shown.path("body").asText().length() > 1000, "show carries the body, base64");
        assertTrue(shown.path("exception").path("stack").size() > 0, shown.path("exception").toString());
    }

    @Test
    void badRequestsGetAClearErrorAndChangeNothing() throws Exception {
        JsonHttp.Reply badStatus = http.get("/api/v1/dead-letters?status=lost");
        assertEquals(400, badStatus.status());
        assertEquals("status must be one of [pending, replayed, purged], not 'lost'",
                badStatus.body().path("error").asText());
        assertEquals(400, http.get("/api/v1/dead-letters?since=yesterday").status());
        assertEquals(400, http.get("/api/v1/dead-letters?limit=0").status());

        JsonHttp.Reply unknown = http.get("/api/v1/dead-letters/no-such-id");
        assertEquals(404, unknown.status());
        assertEquals("no dead letter with id 'no-such-id'", unknown.body().path("error").asText());
        assertEquals(404, http.post("/api/v1/dead-letters/no-such-id/replay", null).status());
        assertEquals(404, http.delete("/api/v1/dead-letters/no-such-id").status());

        JsonHttp.Reply everything = http.delete("/api/v1/dead-letters");
        assertEquals(400, everything.status(), "a bare DELETE must not empty the store");
        assertTrue(everything.body().path("error").asText().contains("say which letters"), everything.toString());
        assertEquals(400, http.post("/api/v1/dead-letters/replay", "{\"ids\":[]}").status());
        assertEquals(400, http.post("/api/v1/dead-letters/replay", "{\"ids\":[1,2]}").status());
    }

    @Test
    void replaysManyByIdsAndPurgesOneAndByFilter() throws Exception {
        List<String> letters = ids(awaitLetters(3));
        // Nothing is fixed, so each replay fails again and its letter counts one more attempt.
        JsonHttp.Reply replayed = http.post("/api/v1/dead-letters/replay",
                "{\"ids\":[\"" + letters.get(0) + "\",\"" + letters.get(1) + "\",\"nope\"]}");
        assertEquals(200, replayed.status(), replayed.body().toString());
        JsonNode outcomes = replayed.body().path("outcomes");
        assertEquals(3, outcomes.size());
        assertEquals("failed", outcomes.get(0).path("result").asText(), outcomes.toString());
        assertEquals(2, outcomes.get(0).path("dead_letter").path("attempts").asInt());
        assertEquals("failed", outcomes.get(1).path("result").asText());
        assertEquals("not_found", outcomes.get(2).path("result").asText());

        JsonHttp.Reply purged = http.delete("/api/v1/dead-letters/" + letters.get(2));
        assertEquals(200, purged.status());
        assertEquals("purged", purged.body().path("status").asText());
        assertEquals(409, http.post("/api/v1/dead-letters/" + letters.get(2) + "/replay", null).status(),
                "a purged letter is not replayed");

        JsonHttp.Reply byFilter = http.delete("/api/v1/dead-letters?cause=CvException&status=pending");
        assertEquals(200, byFilter.status());
        assertTrue(byFilter.body().path("count").asInt() >= 2, byFilter.body().toString());
        assertTrue(ids(http.get("/api/v1/dead-letters?status=purged&limit=10000").body())
                .containsAll(letters), "all three are purged now");
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The events stream and the game API on the running application with its simulated table: a shot
 * arrives over a real WebSocket as it is played, and the REST API serves the same events and the
 * latest state under the sequences the streams gave them.
 */
class GameEventsTest extends AgainstOneCuecast {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aShotComesOverTheEventsStreamAndTheGameApiServesItUnderTheSameSequences() throws Exception {
        JsonHttp http = new JsonHttp(app);
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws/events"))) {
            List<JsonNode> shot = new ArrayList<>();
            JsonNode started = client.nextMatching(m -> m.path("type").asText().equals("events")
                    && m.path("data").path("event").asText().equals("shot_started"), WAIT, "shot_started");
            shot.add(started);
            JsonNode ended = client.nextMatching(m -> {
                shot.add(m);
                return m.path("data").path("event").asText().equals("shot_ended");
            }, WAIT, "shot_ended");
            JsonNode summary = ended.path("data").path("data");
            assertEquals(started.path("data").path("ball_ids").get(0).asInt(), summary.path("cue_ball_id").asInt());
            assertTrue(summary.has("balls_pocketed") && summary.has("first_ball_hit") && summary.has("cushions"),
                    summary.toString());

            long since = started.path("sequence").asLong() - 1;
            JsonNode served = http.get("/api/v1/game/events?since=" + since).body();
            List<String> streamed = shot.stream().filter(m -> m.path("type").asText().equals("events"))
                    .map(m -> m.path("sequence").asLong() + " " + m.path("data")).toList();
            List<String> rest = new ArrayList<>();
            served.path("events").forEach(e -> rest.add(e.path("sequence").asLong() + " " + e.path("data")));
            assertEquals(streamed, rest.subList(0, streamed.size()));
        }
        JsonNode state = http.get("/api/v1/game/state").body();
        assertTrue(state.path("sequence").asLong() > 0, state.toString());
        assertTrue(state.path("data").path("balls").size() > 0, state.toString());
    }

    @Test
    void aBadSinceGetsAClearError() throws Exception {
        JsonHttp http = new JsonHttp(app);
        JsonHttp.Reply bad = http.get("/api/v1/game/events?since=yesterday");
        assertEquals(400, bad.status());
        assertEquals("since must be a whole number (an events sequence), not 'yesterday'", bad.body().path("error").asText());
        assertEquals(400, http.get("/api/v1/game/events?since=-3").status());
    }
}

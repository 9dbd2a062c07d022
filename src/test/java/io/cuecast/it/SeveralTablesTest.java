package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Cuecast configured for two tables, over real sockets: the camera's state names its table, an
 * operator's alert goes to the table it names, and clients of the multiplexed endpoint and of a
 * per-stream endpoint get only the tables they asked for, each numbered on its own; and the tables
 * endpoint tells which table is live.
 */
class SeveralTablesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void clientsGetOnlyTheirTablesAndEachTableIsNumberedOnItsOwn() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.tables=hall-1,hall-2");
             WsClient second = WsClient.connect(app.ws("/api/v1/ws"));
             WsClient first = WsClient.connect(app.ws("/api/v1/ws/alert?table=hall-1"))) {
            JsonHttp http = new JsonHttp(app);
            JsonNode welcome = second.nextOfType("connection", WAIT);
            assertEquals("[\"hall-1\",\"hall-2\"]", welcome.at("/data/tables").toString());
            second.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\",\"state\"],\"tables\":[\"hall-2\"]}}");
            assertEquals("[\"hall-2\"]", second.nextOfType("subscribed", WAIT).at("/data/tables").toString());
            assertEquals("[\"hall-1\"]", first.nextOfType("subscribed", WAIT).at("/data/all_tables/alert").toString());

            post(http, "hall-2", "two");
            post(http, "hall-1", "one");
            post(http, "hall-2", "two+");

            JsonNode one = first.nextOfType("alert", WAIT);
            assertEquals("hall-1", one.path("table_id").asText());
            assertEquals(1, one.path("sequence").asLong(), "hall-1's first alert, though the third posted");
            assertEquals("one", one.at("/data/message").asText());
            JsonNode two = second.nextOfType("alert", WAIT);
            JsonNode twoPlus = second.nextOfType("alert", WAIT);
            assertEquals("hall-2:1 two, hall-2:2 two+", describe(two) + ", " + describe(twoPlus));

            assertEquals(400, http.post("/api/v1/websocket/broadcast/alert?level=info&message=x&table_id=hall-9", null)
                    .status(), "an alert for a table that is not here is refused");
            // The built-in camera watches the first table, so hall-2's subscriber sees no state.
            Await.until(() -> http.get("/api/v1/websocket/metrics").body(),
                    metrics -> metrics.at("/last_sequences/hall-1/state").asLong() > 0, WAIT, "the camera's state");
            assertEquals(0, http.get("/api/v1/websocket/metrics").body().at("/last_sequences/hall-2/state").asLong());
            assertTrue(second.drain().stream().noneMatch(m -> "state".equals(m.path("type").asText())),
                    "no state of hall-1 reached the client of hall-2");
        }
    }

    @Test
    void tablesEndpointTellsEachTablesHealthSubscribersAndPositions() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.tables=hall-1,hall-2",
                "--cuecast.camera.stale-after-seconds=1");
             WsClient watcher = WsClient.connect(app.ws("/api/v1/ws/state?table=hall-2"))) {
            JsonHttp http = new JsonHttp(app);
            watcher.nextOfType("subscribed", WAIT);
            // The built-in camera watches hall-1; nothing feeds hall-2.
            JsonNode tables = Await.until(() -> http.get("/api/v1/tables").body(),
                    list -> "UP".equals(list.at("/0/status").asText()), WAIT, "hall-1 up");
            assertEquals("hall-1", tables.at("/0/table_id").asText());
            assertTrue(tables.at("/0/streams/state/last_sequence").asLong() > 0, tables.toString());
            assertTrue(tables.at("/0/streams/state/last_message_age_ms").asLong() <= 1000, tables.toString());
            assertEquals(0, tables.at("/0/subscribers").asInt(), tables.toString());
            assertEquals("hall-2", tables.at("/1/table_id").asText());
            assertEquals("DOWN", tables.at("/1/status").asText());
            assertTrue(tables.at("/1/reason").asText().contains("no state"), tables.toString());
            assertEquals(1, tables.at("/1/subscribers").asInt(), "the watcher of hall-2: " + tables);
            assertTrue(tables.at("/1/streams/state/last_message_age_ms").isMissingNode()
                    || tables.at("/1/streams/state/last_message_age_ms").isNull(), tables.toString());

            assertEquals("hall-2", http.get("/api/v1/tables/hall-2").body().path("table_id").asText());
            JsonHttp.Reply unknown = http.get("/api/v1/tables/hall-9");
            assertEquals(404, unknown.status());
            assertTrue(unknown.body().path("error").asText().contains("hall-9"), unknown.body().toString());

            assertEquals(200, http.post("/api/v1/websocket/system/stop", null).status());
            JsonNode stalled = Await.until(() -> http.get("/api/v1/tables/hall-1").body(),
                    table -> "DOWN".equals(table.path("status").asText()), WAIT, "hall-1 down once its camera stops");
            assertTrue(stalled.path("reason").asText().contains("stale after 1000 ms"), stalled.toString());
        }
    }

    private static void post(JsonHttp http, String table, String message) throws Exception {
        assertEquals(200, http.post("/api/v1/websocket/broadcast/alert?level=info&message=" + message.replace("+", "%2B")
                + "&table_id=" + table, null).status());
    }

    private static String describe(JsonNode alert) {
        return alert.path("table_id").asText() + ":" + alert.path("sequence").asLong() + " " + alert.at("/data/message").asText();
    }
}

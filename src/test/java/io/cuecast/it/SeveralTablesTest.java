package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Cuecast configured for two tables, over real sockets: the camera's state names its table, an
 * operator's alert goes to the table it names, and clients of the multiplexed endpoint and of a
 * per-stream endpoint get only the tables they asked for, each numbered on its own.
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

    private static void post(JsonHttp http, String table, String message) throws Exception {
        assertEquals(200, http.post("/api/v1/websocket/broadcast/alert?level=info&message=" + message.replace("+", "%2B")
                + "&table_id=" + table, null).status());
    }

    private static String describe(JsonNode alert) {
        return alert.path("table_id").asText() + ":" + alert.path("sequence").asLong() + " " + alert.at("/data/message").asText();
    }
}

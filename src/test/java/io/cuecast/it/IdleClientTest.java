package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.gateway.Gateway;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The heartbeat over a real WebSocket, driven by the housekeeping route, with short timeouts. */
class IdleClientTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aSilentClientIsPingedThenClosedAsIdleWhileOneThatAnswersStays() throws Exception {
        // The sweep runs once a second, so the idle timeout leaves a second's slack after a ping.
        try (RunningCuecast app = RunningCuecast.start("--cuecast.gateway.ping-interval-seconds=1",
                "--cuecast.gateway.idle-timeout-seconds=3");
             WsClient silent = WsClient.connect(app.ws("/api/v1/ws"));
             WsClient answering = WsClient.connect(app.ws("/api/v1/ws"))) {
            silent.nextOfType("connection", WAIT);
            silent.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}");
            silent.nextOfType("subscribed", WAIT);
            answering.nextOfType("connection", WAIT);

            JsonNode ping = silent.nextOfType("ping", WAIT);
            assertFalse(ping.has("sequence"), "a ping is a control message");
            assertTrue(ping.at("/data/server_ts_us").isIntegralNumber(), ping.toString());

            for (int pings = 0; pings < 4; pings++) {
                answering.nextOfType("ping", WAIT);
                answering.send("{\"type\":\"pong\"}");
            }
            WsClient.Closing closing = silent.awaitClose(WAIT);
            assertEquals(4408, closing.code());
            assertEquals("idle timeout: nothing received for 3 s", closing.reason());
            assertFalse(answering.closedByServer(), "four pongs spanning the idle timeout kept it open");
            Gateway gateway = app.bean("gateway", Gateway.class);
            Await.until(gateway::connectionCount, count -> count == 1, WAIT, "only the answering client to remain");
        }
    }
}

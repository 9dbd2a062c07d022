package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The connection gate in front of the WebSocket endpoints: per-address rate and origin allow-list. */
class ConnectionLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void refusesTheConnectionOverThePerAddressLimitAndForeignBrowserOrigins() throws Exception {
        try (RunningCuecast app = RunningCuecast.start("--cuecast.gateway.connections-per-minute-per-ip=3",
                "--cuecast.gateway.allowed-origins=http://viewer.local")) {
            WsClient first = WsClient.connect(app.ws("/api/v1/ws"));
            WsClient second = WsClient.connect(app.ws("/api/v1/ws"));
            first.nextOfType("connection", WAIT);
            second.nextOfType("connection", WAIT);

            try (WsClient foreign = WsClient.connect(app.ws("/api/v1/ws"), "https://evil.example")) {
                WsClient.Closing refused = foreign.awaitClose(WAIT);
                assertEquals(1008, refused.code());
                assertEquals("origin 'https://evil.example' is not allowed", refused.reason());
            }
            try (WsClient allowed = WsClient.connect(app.ws("/api/v1/ws"), "http://viewer.local")) {
                allowed.nextOfType("connection", WAIT);
            }
            try (WsClient fourth = WsClient.connect(app.ws("/api/v1/ws"))) {
                WsClient.Closing refused = fourth.awaitClose(WAIT);
                assertEquals(1008, refused.code());
                assertTrue(refused.reason().startsWith("Rate limit exceeded"), refused.reason());
            }
            first.send("{\"type\":\"ping\"}");
            first.nextOfType("pong", WAIT);
            first.close();
            second.close();
        }
    }
}

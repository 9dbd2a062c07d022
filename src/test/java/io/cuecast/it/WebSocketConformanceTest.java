package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.gateway.Gateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 6455 over a real socket with hand-written frames: fragments, control frames between them,
 * the close handshake, and the two payload faults that close a connection (1007, 1009).
 */
class WebSocketConformanceTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 4096;
    private static RunningCuecast app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningCuecast.start("--cuecast.gateway.max-message-bytes=" + LIMIT);
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static RawWebSocket connected() throws Exception {
        RawWebSocket client = RawWebSocket.connect(app.ws("/api/v1/ws"));
        assertEquals("connection", typeOf(client.next(RawWebSocket.TEXT, WAIT)));
        return client;
    }

    private static String typeOf(RawWebSocket.Frame frame) throws Exception {
        return json(frame).path("type").asText();
    }

    private static JsonNode json(RawWebSocket.Frame frame) throws Exception {
        return JSON.readTree(frame.text());
    }

    @Test
    void aFragmentedMessageIsPutTogetherEvenWithACodePointAndAPingSplittingIt() throws Exception {
        try (RawWebSocket client = connected()) {
            byte[] message = "{\"type\":\"ping\",\"data\":{\"note\":\"é€😀\"}}".getBytes(StandardCharsets.UTF_8);
            int cut = indexOf(message, (byte) 0xE2) + 1; // inside the three bytes of '€'
            client.send(RawWebSocket.TEXT, Arrays.copyOfRange(message, 0, cut), false);
            client.send(RawWebSocket.PING, "are you there".getBytes(StandardCharsets.UTF_8), true);
            client.send(RawWebSocket.CONTINUATION, Arrays.copyOfRange(message, cut, cut + 4), false);
            client.send(RawWebSocket.CONTINUATION, Arrays.copyOfRange(message, cut + 4, message.length), true);

            RawWebSocket.Frame pong = client.next(RawWebSocket.PONG, WAIT);
            assertEquals("are you there", pong.text(), "a pong echoes the ping's payload");
            assertEquals("pong", typeOf(client.next(RawWebSocket.TEXT, WAIT)), "the reassembled ping was answered");
        }
    }

    @Test
    void theCloseHandshakeIsAnsweredAndEndsTheSession() throws Exception {
        Gateway gateway = app.bean("gateway", Gateway.class);
        try (RawWebSocket client = RawWebSocket.connect(app.ws("/api/v1/ws"))) {
            String clientId = json(client.next(RawWebSocket.TEXT, WAIT)).at("/data/client_id").asText();
            assertTrue(gateway.sessionOfClient(clientId).isPresent());
            client.sendClose(1000, "done");

            RawWebSocket.Frame close = client.next(RawWebSocket.CLOSE, WAIT);
            assertEquals(1000, close.closeCode());
            assertTrue(client.isClosedByServer(WAIT), "the server closes the TCP connection after the handshake");
            Await.until(() -> gateway.sessionOfClient(clientId).isPresent(), present -> !present, WAIT,
                    "the session to end");
        }
    }

    @Test
    void invalidUtf8IsAnErrorThenClose1007() throws Exception {
        try (RawWebSocket client = connected()) {
            byte[] overlong = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
            client.send(RawWebSocket.TEXT, overlong, true);

            assertRefused(client, "INVALID_UTF8", 1007);
        }
    }

    @Test
    void aCodePointCutOffByTheLastFragmentIsInvalidUtf8() throws Exception {
        try (RawWebSocket client = connected()) {
            client.send(RawWebSocket.TEXT, "{\"type\":\"ping\",\"x\":\"".getBytes(StandardCharsets.UTF_8), false);
            client.send(RawWebSocket.CONTINUATION, new byte[] {(byte) 0xE2, (byte) 0x82}, true);

            assertRefused(client, "INVALID_UTF8", 1007);
        }
    }

    @Test
    void aMessageOverTheLimitIsCutOffAtTheFragmentThatCrossesItWith1009AndOthersCarryOn() throws Exception {
        try (RawWebSocket bystander = connected(); RawWebSocket client = connected()) {
            byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
            client.send(RawWebSocket.TEXT, "{\"type\":\"ping\",\"pad\":\"".getBytes(StandardCharsets.UTF_8), false);
            for (int i = 0; i < 4; i++) {
                client.send(RawWebSocket.CONTINUATION, chunk, false);
            }

            JsonNode error = assertRefused(client, "MESSAGE_TOO_LARGE", 1009);
            assertTrue(error.at("/data/message").asText().contains("limit is " + LIMIT), error.toString());
            bystander.sendText("{\"type\":\"ping\"}");
            assertEquals("pong", typeOf(bystander.next(RawWebSocket.TEXT, WAIT)));
        }
    }

    @Test
    void aSingleFrameOverTheLimitIsRefusedWith1009() throws Exception {
        try (RawWebSocket client = connected()) {
            client.sendText("{\"type\":\"ping\",\"pad\":\"" + "y".repeat(LIMIT) + "\"}");

            assertRefused(client, "MESSAGE_TOO_LARGE", 1009);
        }
    }

    /**
     * An error reply with the code, then the close frame with its code, then the end of the
     * connection. A reply to the offending message itself may come first: see InboundFrames.
     */
    private static JsonNode assertRefused(RawWebSocket client, String errorCode, int closeCode) throws Exception {
        JsonNode error;
        while (true) {
            RawWebSocket.Frame frame = client.next(RawWebSocket.TEXT, WAIT);
            if (errorCode.equals((error = json(frame)).at("/data/code").asText())) {
                break;
            }
        }
        assertEquals("error", error.path("type").asText(), error.toString());
        RawWebSocket.Frame close = client.next(RawWebSocket.CLOSE, WAIT);
        assertEquals(closeCode, close.closeCode(), close.closeReason());
        client.sendClose(closeCode, ""); // completing the handshake, as a client must
        assertTrue(client.isClosedByServer(WAIT), "the connection ends");
        return error;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("byte not found");
    }

    @Test
    void pingPayloadRoundTrips() throws Exception {
        try (RawWebSocket client = connected()) {
            byte[] payload = {0, 1, 2, (byte) 0xFF};
            client.send(RawWebSocket.PING, payload, true);
            assertArrayEquals(payload, client.next(RawWebSocket.PONG, WAIT).payload());
        }
    }
}

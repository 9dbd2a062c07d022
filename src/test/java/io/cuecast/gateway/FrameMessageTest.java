package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.it.ReceivedFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binary layout of a frame message, byte by byte as docs/PROTOCOL.md gives it. */
class FrameMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    @Test
    void magicVersionHeaderLengthJsonHeaderThenTheJpegToTheEnd() throws Exception {
        byte[] message = FrameMessage.encode(JSON, new FrameMessage.Header("main", 412, 1795630931532117L,
                1795630931498870L, 640, 360, "medium", "camera"), jpeg);

        assertArrayEquals("CUEF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(message, 0, 4));
        assertEquals(1, message[4]);
        int headerLength = ((message[5] & 0xff) << 8) | (message[6] & 0xff);
        String header = new String(message, 7, headerLength, StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"frame\",\"table_id\":\"main\",\"sequence\":412,\"ts_us\":1795630931532117,"
                + "\"captured_at_us\":1795630931498870,\"width\":640,\"height\":360,"
                + "\"quality_level\":\"medium\",\"source\":\"camera\"}", header);
        assertArrayEquals(jpeg, Arrays.copyOfRange(message, 7 + headerLength, message.length));
        assertEquals(7 + headerLength + jpeg.length, message.length);
    }

    @Test
    void theHeaderLengthIsBigEndianWhenItNeedsBothBytes() {
        // A name long enough to push the header past 255 bytes.
        byte[] message = FrameMessage.encode(JSON, new FrameMessage.Header("main", Long.MAX_VALUE, Long.MAX_VALUE,
                Long.MAX_VALUE, 65535, 65535, "x".repeat(300), "operator"), jpeg);

        int headerLength = ((message[5] & 0xff) << 8) | (message[6] & 0xff);
        assertTrue(headerLength > 255, "header length " + headerLength);
        ReceivedFrame parsed = ReceivedFrame.parse(message);
        assertArrayEquals(jpeg, parsed.jpeg());
        assertEquals(Long.MAX_VALUE, parsed.sequence());
        JsonNode header = parsed.header();
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("type", "table_id", "sequence", "ts_us", "captured_at_us", "width", "height", "quality_level", "source"),
                names);
        assertEquals("x".repeat(300), header.path("quality_level").asText());
    }
}

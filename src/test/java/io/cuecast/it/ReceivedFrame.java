package io.cuecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A binary frame-stream message read as docs/PROTOCOL.md describes it to clients: "CUEF", version
 * 1, a 16-bit big-endian header length, the JSON header, then the JPEG. Written from the document,
 * not from the server's code, so that the two are checked against each other.
 */
public record ReceivedFrame(JsonNode header, byte[] jpeg) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ReceivedFrame parse(byte[] message) {
        ByteBuffer buffer = ByteBuffer.wrap(message);
        byte[] magic = new byte[4];
        buffer.get(magic);
        if (!Arrays.equals(magic, "CUEF".getBytes(StandardCharsets.US_ASCII))) {
            throw new AssertionError("not a frame message: it starts with " + Arrays.toString(magic));
        }
        int version = buffer.get() & 0xff;
        if (version != 1) {
            throw new AssertionError("frame format version " + version + ", expected 1");
        }
        int headerLength = buffer.getShort() & 0xffff;
        byte[] header = new byte[headerLength];
        buffer.get(header);
        byte[] jpeg = new byte[buffer.remaining()];
        buffer.get(jpeg);
        try {
            return new ReceivedFrame(JSON.readTree(header), jpeg);
        } catch (IOException e) {
            throw new AssertionError("the frame header is not JSON: " + new String(header, StandardCharsets.UTF_8), e);
        }
    }

    public long sequence() {
        return header.path("sequence").asLong();
    }

    public String qualityLevel() {
        return header.path("quality_level").asText();
    }
}

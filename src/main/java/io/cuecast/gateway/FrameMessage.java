package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;

/**
 * The binary WebSocket message that carries one frame: a fixed 7-byte prefix, a small JSON header
 * and the JPEG, never base64. The layout is documented in docs/PROTOCOL.md, "The frame stream":
 *
 * <pre>
 * bytes 0-3   magic "CUEF"
 * byte  4     format version, 1
 * bytes 5-6   header length N, unsigned 16-bit big-endian
 * bytes 7..   N bytes of UTF-8 JSON header, then the JPEG to the end of the message
 * </pre>
 */
final class FrameMessage {

    static final byte[] MAGIC = {'C', 'U', 'E', 'F'};
    static final int VERSION = 1;
    /** Magic, version and header length. */
    static final int PREFIX_BYTES = 7;

    /**
     * What the JSON header says.
     *
     * @param tableId      the table the camera watches (or the operator posted for)
     * @param sequence     the table's frame stream's message number
     * @param tsUs         when the server built this message, epoch microseconds (as an envelope's ts_us)
     * @param capturedAtUs when the camera captured the frame (or the operator posted it), epoch microseconds
     * @param width        the JPEG's width in pixels
     * @param height       the JPEG's height in pixels
     * @param qualityLevel the quality level it was encoded at
     * @param source       {@code camera} or {@code operator}
     */
    @JsonPropertyOrder({"type", "table_id", "sequence", "ts_us", "captured_at_us", "width", "height", "quality_level", "source"})
    record Header(@JsonProperty("table_id") String tableId,
                  long sequence,
                  @JsonProperty("ts_us") long tsUs,
                  @JsonProperty("captured_at_us") long capturedAtUs,
                  int width,
                  int height,
                  @JsonProperty("quality_level") String qualityLevel,
                  String source) {

        @JsonProperty("type")
        String type() {
            return Stream.FRAME.wireName();
        }
    }

    private FrameMessage() {
    }

    static byte[] encode(ObjectMapper mapper, Header header, byte[] jpeg) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame header cannot fail to serialize", e);
        }
        return ByteBuffer.allocate(PREFIX_BYTES + json.length + jpeg.length)
                .put(MAGIC)
                .put((byte) VERSION)
                .putShort((short) json.length)
                .put(json)
                .put(jpeg)
                .array();
    }
}

package io.cuecast.ops.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Clocks;
import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns the bodies that travel through the routes into bytes that can be stored, and back into
 * what the route expects. A camera frame becomes a PNG (lossless, so a replay sees the very pixels
 * that failed); text stays text; anything else Jackson can write becomes JSON.
 */
public final class MessageBodies {
    public static final String PNG = "image/png";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";
    public static final String BYTES = "application/octet-stream";
    /** Headers that keep a frame's identity, which its PNG does not carry. */
    public static final String FRAME_SEQUENCE = "CuecastFrameSequence";
    public static final String FRAME_CAPTURED_AT_US = "CuecastFrameCapturedAtUs";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MessageBodies() {
    }

    /** A body as stored, and the headers it needs beside it. */
    public record Stored(MessageBody body, Map<String, Object> headers) {
    }

    /**
     * @throws IllegalArgumentException if the body is of a kind that cannot be stored (the message
     *                                  says which); the caller keeps the letter without it
     */
    public static Stored store(Object body) {
        if (body == null) {
            return new Stored(MessageBody.EMPTY, Map.of());
        }
        if (body instanceof Frame frame) {
            return new Stored(MessageBody.of(PNG, png(frame)),
                    Map.of(FRAME_SEQUENCE, frame.sequence(), FRAME_CAPTURED_AT_US, frame.capturedAtUs()));
        }
        if (body instanceof byte[] bytes) {
            return new Stored(MessageBody.of(BYTES, bytes), Map.of());
        }
        if (body instanceof CharSequence text) {
            return new Stored(MessageBody.of(TEXT, text.toString().getBytes(StandardCharsets.UTF_8)), Map.of());
        }
        try {
            return new Stored(MessageBody.of(JSON, MAPPER.writeValueAsBytes(body)), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + body.getClass().getName() + " body cannot be stored: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body for a replay. A frame gets its old sequence and a fresh capture time, so that the
     * tracker takes it as the newest frame rather than one from the past.
     *
     * @throws IllegalArgumentException if the stored bytes cannot be read back as their type
     */
    public static Object restore(MessageBody body, Map<String, Object> headers) {
        if (body.isEmpty()) {
            return null;
        }
        return switch (body.contentType()) {
            case PNG -> frame(body.bytes(), headers.get(FRAME_SEQUENCE));
            case BYTES -> body.bytes().clone();
            case TEXT -> new String(body.bytes(), StandardCharsets.UTF_8);
            case JSON -> json(body.bytes());
            default -> throw new IllegalArgumentException("unknown content type '" + body.contentType() + "'");
        };
    }

    private static byte[] png(Frame frame) {
        if (frame.image().empty()) {
            throw new IllegalArgumentException("frame " + frame.sequence() + " has no pixels left (already released)");
        }
        MatOfByte png = new MatOfByte();
        try {
            Imgcodecs.imencode(".png", frame.image(), png);
            return png.toArray();
        } finally {
            png.release();
        }
    }

    private static Frame frame(byte[] png, Object sequence) {
        OpenCvNatives.load();
        MatOfByte encoded = new MatOfByte(png);
        Mat image = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
        encoded.release();
        if (image.empty()) {
            image.release();
            throw new IllegalArgumentException("the stored PNG cannot be decoded");
        }
        long number = sequence instanceof Number n ? n.longValue() : 0;
        return new Frame(number, Clocks.epochMicros(), image);
    }

    private static Object json(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored JSON cannot be read: " + e.getMessage(), e);
        }
    }
}

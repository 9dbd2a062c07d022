package io.cuecast.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The data streams a client can subscribe to, each with the name it has on the wire. */
public enum Stream {
    FRAME("frame"),
    STATE("state"),
    TRAJECTORY("trajectory"),
    EVENTS("events"),
    ALERT("alert"),
    CONFIG("config"),
    METRICS("metrics");

    private static final List<String> WIRE_NAMES =
            Arrays.stream(values()).map(Stream::wireName).toList();

    private final String wireName;

    Stream(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the envelope's {@code type} and in subscribe requests, e.g. "state". */
    public String wireName() {
        return wireName;
    }

    /** The stream with this exact (case-sensitive) wire name, or empty if there is none. */
    public static Optional<Stream> fromWireName(String wireName) {
        for (Stream stream : values()) {
            if (stream.wireName.equals(wireName)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return WIRE_NAMES;
    }
}

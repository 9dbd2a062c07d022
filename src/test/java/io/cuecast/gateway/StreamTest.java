package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamTest {

    @Test
    void everyStreamParsesFromItsWireName() {
        for (Stream stream : Stream.values()) {
            assertEquals(Optional.of(stream), Stream.fromWireName(stream.wireName()));
        }
    }

    @Test
    void wireNamesAreTheProtocolNames() {
        assertEquals(List.of("frame", "state", "trajectory", "events", "alert", "config", "metrics"),
                Stream.wireNames());
    }

    @Test
    void unknownOrWronglyCasedNamesParseToEmpty() {
        assertTrue(Stream.fromWireName("video").isEmpty());
        assertTrue(Stream.fromWireName("STATE").isEmpty());
        assertTrue(Stream.fromWireName(null).isEmpty());
    }
}

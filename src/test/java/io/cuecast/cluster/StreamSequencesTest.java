package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cuecast.gateway.Stream;
import org.junit.jupiter.api.Test;

class StreamSequencesTest {

    /** The next number, encoded as itself. */
    private static long next(StreamSequences sequences, String table, Stream stream) {
        return sequences.number(table, stream, Long::valueOf);
    }


    private final StreamSequences sequences = new StreamSequences();

    @Test
    void eachTablesStreamCountsOnItsOwnFromOne() {
        assertEquals(1L, next(sequences, "t1", Stream.STATE));
        assertEquals(2L, next(sequences, "t1", Stream.STATE));
        assertEquals(1L, next(sequences, "t2", Stream.STATE));
        assertEquals(1L, next(sequences, "t1", Stream.EVENTS));
    }

    @Test
    void aRestartedVisionNodeGoesOnFromWhatKafkaHolds() {
        sequences.continueAfter("t1", Stream.STATE, 500);
        assertEquals(501L, next(sequences, "t1", Stream.STATE));
    }

    @Test
    void aMessageThatCannotBeEncodedUsesUpNoNumber() {
        next(sequences, "t1", Stream.STATE);
        assertThrows(IllegalArgumentException.class, () -> sequences.number("t1", Stream.STATE, n -> {
            throw new IllegalArgumentException("not serializable");
        }));
        assertEquals(2L, next(sequences, "t1", Stream.STATE));
    }
}

package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.cluster.OffsetIndex.Position;
import io.cuecast.gateway.Stream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OffsetIndexTest {

    private final OffsetIndex index = new OffsetIndex();

    /** Sequence s of table t1's state at offset 10 * s of partition 0. */
    private void noteT1(long from, long through) {
        for (long sequence = from; sequence <= through; sequence++) {
            index.note("t1", Stream.STATE, sequence, new Position(0, 10 * sequence));
        }
    }

    @Test
    void aReadStartsAtTheNearestIndexedPlaceNotAfterTheSequence() {
        noteT1(5, 200);

        assertEquals(Optional.of(new Position(0, 50)), index.startFor("t1", Stream.STATE, 5));
        assertEquals(Optional.of(new Position(0, 50)), index.startFor("t1", Stream.STATE, 36));
        assertEquals(Optional.of(new Position(0, 370)), index.startFor("t1", Stream.STATE, 37));
        assertEquals(Optional.of(new Position(0, 1970)), index.startFor("t1", Stream.STATE, 1000));
        assertEquals(Optional.empty(), index.startFor("t1", Stream.STATE, 4), "nothing that early");
        assertEquals(Optional.empty(), index.startFor("t1", Stream.EVENTS, 50), "each stream apart");
        assertEquals(Optional.empty(), index.startFor("t2", Stream.STATE, 50), "each table apart");
    }

    @Test
    void aRedeliveryDoesNotMoveAnIndexedPlace() {
        noteT1(1, 40);
        index.note("t1", Stream.STATE, 33, new Position(0, 9999));

        assertEquals(Optional.of(new Position(0, 330)), index.startFor("t1", Stream.STATE, 34));
    }

    @Test
    void theOldestPlacesGoFirstBeyondTheCap() {
        noteT1(1, (long) OffsetIndex.SPACING * (OffsetIndex.MAX_ENTRIES + 2));

        assertEquals(Optional.empty(), index.startFor("t1", Stream.STATE, OffsetIndex.SPACING),
                "the first two entries went");
        long oldestKept = 2L * OffsetIndex.SPACING + 1;
        assertEquals(Optional.of(new Position(0, 10 * oldestKept)), index.startFor("t1", Stream.STATE, oldestKept));
    }
}

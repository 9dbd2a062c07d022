package io.cuecast.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BallTypeTest {
    @Test
    void poolsWireNamesStandAndSnookersColoursJoinThem() {
        assertEquals(List.of("cue", "eight", "solid", "stripe"),
                List.of(BallType.CUE, BallType.EIGHT, BallType.SOLID, BallType.STRIPE).stream().map(BallType::wireName).toList());
        assertEquals(List.of("white", "red", "yellow", "green", "brown", "blue", "pink", "black"),
                BallType.SNOOKER.stream().map(BallType::wireName).toList());
        assertEquals("unknown", BallType.UNKNOWN.wireName());
    }

    @Test
    void theCueBallIsPoolsCueOrSnookersWhite() {
        assertTrue(BallType.CUE.isCueBall());
        assertTrue(BallType.WHITE.isCueBall());
        assertFalse(BallType.RED.isCueBall());
        assertFalse(BallType.UNKNOWN.isCueBall());
    }

    @Test
    void aSnookerTableIsTheOneNamedSo() {
        assertTrue(TableSpec.SNOOKER_12FT.isSnooker());
        assertFalse(TableSpec.POOL_9FT.isSnooker());
    }
}

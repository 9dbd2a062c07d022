package io.cuecast.camera.sim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundTruthHistoryTest {

    @Test
    void keepsOnlyTheLastFramesAndFindsThemBySequenceAndTime() {
        GroundTruthHistory history = new GroundTruthHistory(3);
        for (long sequence = 1; sequence <= 5; sequence++) {
            history.add(new GroundTruthFrame(sequence, 1000 + sequence, List.of(), Optional.empty()));
        }
        assertTrue(history.bySequence(2).isEmpty(), "dropped");
        assertEquals(3, history.bySequence(3).orElseThrow().sequence());
        assertEquals(5, history.bySequence(5).orElseThrow().sequence());
        assertTrue(history.bySequence(6).isEmpty(), "not yet");
        assertEquals(4, history.byCaptureTime(1004).orElseThrow().sequence());
        assertTrue(history.byCaptureTime(1001).isEmpty());
    }
}

package io.cuecast.vision.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

class CentreScoringTest {

    @Test
    void eachLabelTakesAtMostOneDetectionClosestFirstWithinTheGate() {
        List<Point> labels = List.of(new Point(0, 0), new Point(10, 0));
        List<Point> detections = List.of(new Point(9, 0), new Point(1, 0), new Point(30, 0));
        CentreScoring.Pairing pairing = CentreScoring.pair(labels, detections, 2);
        assertArrayEquals(new boolean[] {true, true}, pairing.found());
        assertArrayEquals(new boolean[] {true, true, false}, pairing.hit());

        CentreScoring.Tally tally = CentreScoring.Tally.of(List.of(pairing));
        assertEquals(1.0, tally.recall());
        assertEquals(2.0 / 3, tally.precision(), 1e-9);
        assertEquals(1.0, tally.medianError(), 1e-9);
        assertEquals(0.0, tally.meanOffset(0), 1e-9);
    }

    @Test
    void aDetectionJustOutsideTheGateDoesNotCount() {
        CentreScoring.Pairing pairing = CentreScoring.pair(List.of(new Point(0, 0)), List.of(new Point(1.9, 0)), 1.8);
        assertEquals(0.0, CentreScoring.Tally.of(List.of(pairing)).recall());
    }
}

package io.cuecast.vision.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.vision.eval.BoxScoring.Box;
import io.cuecast.vision.eval.BoxScoring.Image;
import io.cuecast.vision.eval.BoxScoring.Labelled;
import io.cuecast.vision.eval.BoxScoring.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring that the real-footage measurement relies on, checked by hand-worked cases. */
class BoxScoringTest {

    @Test
    void iouOfHalfOverlappingSquaresIsAThird() {
        assertEquals(1.0 / 3, new Box(0, 0, 10, 10).iou(new Box(5, 0, 10, 10)), 1e-9);
        assertEquals(0, new Box(0, 0, 10, 10).iou(new Box(20, 0, 10, 10)));
    }

    @Test
    void theSurerDetectionTakesTheLabelAndTheOtherIsAFalsePositive() {
        List<Labelled> truth = List.of(new Labelled(new Box(0, 0, 10, 10), 1));
        List<Scored> detections = List.of(new Scored(new Box(1, 0, 10, 10), 1, 0.4),
                new Scored(new Box(2, 0, 10, 10), 1, 0.9));
        BoxScoring.Matching matching = BoxScoring.match(truth, detections);
        assertArrayEquals(new int[] {-1, 0}, matching.labelOf());
        assertArrayEquals(new boolean[] {true}, matching.found());
    }

    @Test
    void perfectDetectionsScoreOneAndAClassMixUpScoresZero() {
        Box box = new Box(0, 0, 10, 10);
        List<Image> right = List.of(new Image(List.of(new Labelled(box, 3)), List.of(new Scored(box, 3, 0.8))));
        List<Image> wrong = List.of(new Image(List.of(new Labelled(box, 3)), List.of(new Scored(box, 4, 0.8))));
        assertEquals(1.0, BoxScoring.averagePrecision(right, 3), 1e-9);
        assertEquals(0.0, BoxScoring.averagePrecision(wrong, 3), 1e-9);
        assertTrue(Double.isNaN(BoxScoring.averagePrecision(right, 1)), "no label of the class: no AP");
    }

    @Test
    void halfTheLabelsFoundAtFullPrecisionScoresSixElevenths() {
        // Recall reaches 0.5 at precision 1: levels 0..0.5 score 1, levels 0.6..1 score 0.
        Box a = new Box(0, 0, 10, 10);
        Box b = new Box(100, 0, 10, 10);
        List<Image> images = List.of(new Image(List.of(new Labelled(a, 2), new Labelled(b, 2)),
                List.of(new Scored(a, 2, 0.9))));
        assertEquals(6.0 / 11, BoxScoring.averagePrecision(images, 2), 1e-9);
    }

    @Test
    void aFalsePositiveRankedFirstLowersTheCurveEverywhere() {
        Box label = new Box(0, 0, 10, 10);
        List<Image> images = List.of(new Image(List.of(new Labelled(label, 1)),
                List.of(new Scored(new Box(50, 50, 10, 10), 1, 0.9), new Scored(label, 1, 0.5))));
        assertEquals(0.5, BoxScoring.averagePrecision(images, 1), 1e-9);
    }

    @Test
    void detectionsOfEqualConfidenceScoreTheSameInAnyOrder() {
        Box label = new Box(0, 0, 10, 10);
        Scored hit = new Scored(label, 1, 1.0);
        Scored miss = new Scored(new Box(50, 50, 10, 10), 1, 1.0);
        List<Labelled> truth = List.of(new Labelled(label, 1));
        double hitFirst = BoxScoring.averagePrecision(List.of(new Image(truth, List.of(hit, miss))), 1);
        double missFirst = BoxScoring.averagePrecision(List.of(new Image(truth, List.of(miss, hit))), 1);
        assertEquals(0.5, hitFirst, 1e-9);
        assertEquals(hitFirst, missFirst, 1e-9);
    }
}

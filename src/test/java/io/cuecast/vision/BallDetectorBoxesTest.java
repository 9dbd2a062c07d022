package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.camera.OpenCvNatives;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

/** The boxes the Hough transform looks in: overlapping ones become one, so that no circle is found twice. */
class BallDetectorBoxesTest {
    static {
        OpenCvNatives.load();
    }

    private static Set<String> asText(List<Rect> boxes) {
        return boxes.stream().map(Rect::toString).collect(Collectors.toSet());
    }

    @Test
    void overlappingBoxesMergeThroughAChainAndApartOnesStay() {
        List<Rect> merged = BallDetector.merged(List.of(
                new Rect(0, 0, 10, 10), new Rect(50, 50, 10, 10), new Rect(8, 8, 10, 10), new Rect(16, 0, 4, 4)));
        assertEquals(Set.of(new Rect(0, 0, 20, 18).toString(), new Rect(50, 50, 10, 10).toString()), asText(merged));
    }

    @Test
    void boxesThatOnlyTouchStayApart() {
        List<Rect> boxes = List.of(new Rect(0, 0, 10, 10), new Rect(10, 0, 10, 10));
        assertEquals(asText(boxes), asText(BallDetector.merged(boxes)));
    }
}

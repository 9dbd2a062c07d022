package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.OpenCvNatives;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class EdgeCentreTest {
    private static final Point TRUE_CENTRE = new Point(100.3, 80.6);
    private static final double RADIUS = 15.4;

    /** Teal cloth, a red ball with its shadow cast up and to the left, and a red neighbour touching it on the right. */
    private static Mat picture(boolean neighbour) {
        OpenCvNatives.load();
        Mat bgr = new Mat(160, 200, CvType.CV_8UC3, new Scalar(150, 160, 90));
        int shift = 4;
        double scale = 1 << shift;
        Imgproc.circle(bgr, new Point((TRUE_CENTRE.x - 5) * scale, (TRUE_CENTRE.y - 5) * scale), (int) (RADIUS * scale),
                new Scalar(105, 112, 63), -1, Imgproc.LINE_AA, shift);
        if (neighbour) {
            Imgproc.circle(bgr, new Point((TRUE_CENTRE.x + 2 * RADIUS) * scale, TRUE_CENTRE.y * scale), (int) (RADIUS * scale),
                    new Scalar(40, 30, 200), -1, Imgproc.LINE_AA, shift);
        }
        Imgproc.circle(bgr, new Point(TRUE_CENTRE.x * scale, TRUE_CENTRE.y * scale), (int) (RADIUS * scale),
                new Scalar(40, 30, 210), -1, Imgproc.LINE_AA, shift);
        return bgr;
    }

    private static Optional<Point> edgeCentre(Mat bgr, Point guess, double radius) {
        ClothModel cloth = ClothModel.learn(bgr).orElseThrow();
        Mat lab = new Mat();
        Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
        return EdgeCentre.of(ClothModel.bytes(lab), lab.cols(), lab.rows(), cloth, guess, radius);
    }

    @Test
    void theEdgeCentresABallWhoseMaskCentreItsShadowPulledAside() {
        Point pulled = new Point(TRUE_CENTRE.x - 2, TRUE_CENTRE.y - 2);
        Point centre = edgeCentre(picture(false), pulled, RADIUS).orElseThrow();
        assertEquals(TRUE_CENTRE.x, centre.x, 0.3);
        assertEquals(TRUE_CENTRE.y, centre.y, 0.3);
    }

    @Test
    void aTouchingNeighboursRimIsLeftOutAsOffTheCircle() {
        Point centre = edgeCentre(picture(true), new Point(TRUE_CENTRE.x + 1.5, TRUE_CENTRE.y), RADIUS).orElseThrow();
        assertEquals(TRUE_CENTRE.x, centre.x, 0.4);
        assertEquals(TRUE_CENTRE.y, centre.y, 0.4);
    }

    @Test
    void withNoBallThereIsNoEdgeToFit() {
        assertTrue(edgeCentre(picture(false), new Point(170, 130), RADIUS).isEmpty());
    }

    @Test
    void aCircleIsFittedThroughPointsOnIt() {
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            double angle = 0.4 + k * 0.5;
            points.add(new double[] {30 + 12 * Math.cos(angle), -4 + 12 * Math.sin(angle)});
        }
        double[] circle = CircleFit.through(points).orElseThrow();
        assertEquals(30, circle[0], 1e-9);
        assertEquals(-4, circle[1], 1e-9);
        assertEquals(12, circle[2], 1e-9);
        assertTrue(CircleFit.through(List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 2})).isEmpty(),
                "points on a line have no circle");
    }
}

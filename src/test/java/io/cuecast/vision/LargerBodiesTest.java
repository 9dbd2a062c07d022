package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cuecast.camera.OpenCvNatives;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Drawn scenes on teal cloth: what is a ball and what is only part of a larger body. */
class LargerBodiesTest {
    private static final double R = 15;
    private static final Scalar CLOTH = new Scalar(150, 160, 90);
    private static final Scalar WHITE = new Scalar(245, 250, 250);
    private static final Scalar SKIN = new Scalar(170, 190, 235);
    private static final Scalar RED = new Scalar(40, 40, 220);
    private static final Scalar SHADE = new Scalar(30, 40, 20);

    @Test
    void aBallSmearedIntoAStreakIsOneBallAtItsMiddle() {
        Mat bgr = cloth();
        Imgproc.line(bgr, new Point(40, 80), new Point(150, 80), WHITE, (int) (2 * R));
        assertArrayEquals(new boolean[] {true, false, true},
                partsOf(bgr, new Point(60, 80), new Point(95, 80), new Point(127, 80)));
    }

    @Test
    void twoTouchingBallsOfOneColourAreTwoBalls() {
        Mat bgr = cloth();
        Imgproc.circle(bgr, new Point(80, 80), (int) R, WHITE, -1);
        Imgproc.circle(bgr, new Point(80 + 2 * R, 80), (int) R, WHITE, -1);
        assertArrayEquals(new boolean[] {false, false}, partsOf(bgr, new Point(80, 80), new Point(80 + 2 * R, 80)));
    }

    @Test
    void twoTouchingBallsBridgedByHalfLitShadowAreTwoBalls() {
        Mat bgr = cloth();
        // Between two touching reds, the half-lit cloth of their shadows: not cloth, not shade, not
        // darker than the balls (no crevice), but not their colour either.
        Imgproc.rectangle(bgr, new Point(85, 68), new Point(105, 92), new Scalar(130, 130, 130), -1);
        Imgproc.circle(bgr, new Point(80, 80), (int) R, RED, -1);
        Imgproc.circle(bgr, new Point(80 + 2 * R, 80), (int) R, RED, -1);
        assertArrayEquals(new boolean[] {false, false}, partsOf(bgr, new Point(80, 80), new Point(80 + 2 * R, 80)));
    }

    @Test
    void aFingertipOfAHandIsNoBallButABallBesideAShadowIs() {
        Mat bgr = cloth();
        // A hand: a palm three balls wide, one finger a ball wide reaching out of it.
        Imgproc.rectangle(bgr, new Point(10, 40), new Point(100, 130), SKIN, -1);
        Imgproc.line(bgr, new Point(100, 85), new Point(125, 85), SKIN, (int) (2 * R));
        // A ball whose dark shadow, a whole pack's worth, merges with it.
        Imgproc.circle(bgr, new Point(220, 85), (int) R, WHITE, -1);
        Imgproc.rectangle(bgr, new Point(232, 40), new Point(300, 130), SHADE, -1);
        assertArrayEquals(new boolean[] {true, false}, partsOf(bgr, new Point(122, 85), new Point(220, 85)));
    }

    private static Mat cloth() {
        OpenCvNatives.load();
        return new Mat(170, 320, CvType.CV_8UC3, CLOTH);
    }

    private static boolean[] partsOf(Mat bgr, Point... centres) {
        ClothModel cloth = ClothModel.learn(bgr).orElseThrow();
        Mat lab = new Mat();
        Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
        Mat notCloth = new Mat();
        cloth.markNonCloth(lab, notCloth);
        Mat distance = new Mat();
        Imgproc.distanceTransform(notCloth, distance, Imgproc.DIST_L2, Imgproc.DIST_MASK_5);
        float[] distances = new float[(int) distance.total()];
        distance.get(0, 0, distances);
        double[] radii = new double[centres.length];
        Arrays.fill(radii, R);
        return new LargerBodies(ClothModel.bytes(notCloth), ClothModel.bytes(lab), distances, bgr.cols(), bgr.rows(), cloth)
                .partsOf(List.of(centres), radii);
    }
}

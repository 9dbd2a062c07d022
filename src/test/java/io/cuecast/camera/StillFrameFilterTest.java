package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class StillFrameFilterTest {
    private static Mat table;

    @BeforeAll
    static void renderATable() {
        OpenCvNatives.load();
        try (Frame frame = new SimulatedCamera(SimulatorSettings.defaults()).grab().orElseThrow()) {
            table = frame.image().clone();
        }
    }

    /** The simulated table again, with fresh sensor noise (sigma 4 grey levels) and optionally a ball moved in. */
    private static Frame frame(long atUs, boolean withAnotherBall) {
        Mat image = table.clone();
        Mat noise = new Mat(image.size(), CvType.CV_16SC3);
        Core.randn(noise, 0, 4);
        Mat noisy = new Mat();
        image.convertTo(noisy, CvType.CV_16SC3);
        Core.add(noisy, noise, noisy);
        noisy.convertTo(image, CvType.CV_8UC3);
        if (withAnotherBall) {
            // A ball as big as a real one at 1280 px (about 28 px across), where there was cloth.
            Imgproc.circle(image, new Point(640, 360), 14, new Scalar(30, 200, 240), -1);
        }
        return new Frame(atUs, atUs, image);
    }

    @Test
    void skipsFramesThatDifferOnlyBySensorNoise() {
        StillFrameFilter filter = new StillFrameFilter(true, 1.0);
        assertTrue(filter.worthDetecting(frame(0, false), null), "the first frame always passes");
        for (long t = 33_000; t < 900_000; t += 33_000) {
            Frame still = frame(t, false);
            assertFalse(filter.worthDetecting(still, null), "noise alone at " + t);
            filter.skip();
        }
        assertEquals(27, filter.skipped());
    }

    @Test
    void passesABallThatMovedAndTheKeepAliveFrame() {
        StillFrameFilter filter = new StillFrameFilter(true, 1.0);
        filter.worthDetecting(frame(0, false), null);

        assertTrue(filter.worthDetecting(frame(33_000, true), null), "a ball appeared");
        assertFalse(filter.worthDetecting(frame(66_000, true), null), "and then stayed still");
        assertTrue(filter.worthDetecting(frame(1_100_000, true), null), "a still table is still detected once a second");
    }

    @Test
    void passesAFrameOfAnotherSizeEvenIfItLooksTheSame() {
        StillFrameFilter filter = new StillFrameFilter(true, 1.0);
        filter.worthDetecting(frame(0, false), null);
        Mat half = new Mat();
        Imgproc.resize(table, half, new org.opencv.core.Size(table.cols() / 2, table.rows() / 2));

        assertTrue(filter.worthDetecting(new Frame(1, 33_000, half), null), "a camera that changed mode is looked at");
    }

    @Test
    void alwaysPassesAReplayedFrame() {
        StillFrameFilter filter = new StillFrameFilter(true, 1.0);
        filter.worthDetecting(frame(0, false), null);

        assertTrue(filter.worthDetecting(frame(33_000, false), "letter-7"), "an operator asked for this one");
    }

    @Test
    void passesEverythingWhenDisabled() {
        StillFrameFilter filter = new StillFrameFilter(false, 1.0);
        assertTrue(filter.worthDetecting(frame(0, false), null));
        assertTrue(filter.worthDetecting(frame(1, false), null));
    }
}

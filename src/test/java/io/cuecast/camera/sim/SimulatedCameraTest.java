package io.cuecast.camera.sim;

import io.cuecast.camera.CameraException;
import io.cuecast.camera.Frame;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedCameraTest {
    /** Smaller frames keep the many-frame tests quick; the default size is checked on its own. */
    private static final SimulatorSettings SMALL = SimulatorSettings.defaults().withSize(640, 360);

    @Test
    void framesHaveTheConfiguredSizeAndType() {
        try (SimulatedCamera camera = new SimulatedCamera(SimulatorSettings.defaults());
             Frame frame = camera.grab().orElseThrow()) {
            assertEquals(1280, frame.width());
            assertEquals(720, frame.height());
            assertEquals(CvType.CV_8UC3, frame.image().type());
        }
        try (SimulatedCamera camera = new SimulatedCamera(SMALL.withSize(800, 600));
             Frame frame = camera.grab().orElseThrow()) {
            assertEquals(800, frame.width());
            assertEquals(600, frame.height());
        }
    }

    @Test
    void sameSeedGivesTheSameFramesAndGroundTruth() {
        List<Long> firstHashes = new ArrayList<>();
        List<Long> secondHashes = new ArrayList<>();
        try (SimulatedCamera first = new SimulatedCamera(SMALL, fakeClock());
             SimulatedCamera second = new SimulatedCamera(SMALL, fakeClock())) {
            for (int i = 0; i < 300; i++) {
                firstHashes.add(grabHash(first));
                secondHashes.add(grabHash(second));
                assertEquals(first.groundTruthOf(i + 1).orElseThrow(), second.groundTruthOf(i + 1).orElseThrow());
            }
        }
        assertEquals(firstHashes, secondHashes);
        assertTrue(firstHashes.stream().distinct().count() > 100, "the picture should change over 10 s of play");
    }

    @Test
    void differentSeedGivesDifferentFramesAndGroundTruth() {
        try (SimulatedCamera first = new SimulatedCamera(SMALL, fakeClock());
             SimulatedCamera second = new SimulatedCamera(SMALL.withSeed(43), fakeClock())) {
            assertNotEquals(grabHash(first), grabHash(second));
            assertNotEquals(first.groundTruthOf(1).orElseThrow().balls(), second.groundTruthOf(1).orElseThrow().balls());
        }
    }

    @Test
    void groundTruthBallCentresLandOnDrawnBalls() {
        SimulatorSettings quiet = SimulatorSettings.defaults().withNoiseSigma(0);
        SimulatorLayout layout = SimulatorLayout.of(quiet.width(), quiet.height(), quiet.table());
        double radius = layout.ballRadiusPx();
        try (SimulatedCamera camera = new SimulatedCamera(quiet);
             TableRenderer emptyTable = new TableRenderer(layout, quiet.clothColour(), 0, quiet.seed())) {
            Mat cloth = emptyTable.render(new TableState(0, List.of(), Optional.empty()));
            int centres = 0;
            int besides = 0;
            for (int i = 0; i < 150; i += 10) {
                try (Frame frame = grabNth(camera, 10)) {
                    List<GroundTruthBall> balls = camera.groundTruthOf(frame.sequence()).orElseThrow().balls();
                    for (GroundTruthBall ball : balls) {
                        if (ball.visibleFraction() < 1) {
                            continue;
                        }
                        assertTrue(difference(frame.image(), cloth, ball.xPx(), ball.yPx()) > 40,
                                "no ball drawn at the ground-truth centre of " + ball);
                        centres++;
                        // Left of the ball (the shadow falls to the lower right) the cloth shows.
                        double besideX = ball.xPx() - 1.6 * radius;
                        if (balls.stream().allMatch(b -> b == ball || Math.hypot(b.xPx() - besideX, b.yPx() - ball.yPx()) > 3 * radius)
                                && camera.groundTruthOf(frame.sequence()).orElseThrow().cue().isEmpty()) {
                            assertTrue(difference(frame.image(), cloth, besideX, ball.yPx()) < 8,
                                    "ball drawn wider than the ground truth says: " + ball);
                            besides++;
                        }
                    }
                }
            }
            cloth.release();
            assertTrue(centres > 100 && besides > 10, "checked " + centres + " centres, " + besides + " besides");
        }
    }

        @Test
    void groundTruthIsFoundBySequenceAndCaptureTimeWhileRecent() {
        try (SimulatedCamera camera = new SimulatedCamera(SMALL.withGroundTruthHistory(10))) {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                frames.add(camera.grab().orElseThrow());
            }
            for (int i = 1; i < frames.size(); i++) {
                assertEquals(frames.get(i - 1).sequence() + 1, frames.get(i).sequence());
                assertTrue(frames.get(i).capturedAtUs() > frames.get(i - 1).capturedAtUs());
            }
            Frame last = frames.get(14);
            assertEquals(last.sequence(), camera.groundTruthAt(last.capturedAtUs()).orElseThrow().sequence());
            assertEquals(last.capturedAtUs(), camera.groundTruthOf(last.sequence()).orElseThrow().capturedAtUs());
            assertTrue(camera.groundTruthOf(frames.get(0).sequence()).isEmpty(), "older than the history");
            assertTrue(camera.groundTruthAt(frames.get(0).capturedAtUs()).isEmpty());
            long nowUs = System.currentTimeMillis() * 1000;
            assertTrue(Math.abs(last.capturedAtUs() - nowUs) < 60_000_000, "wall-clock epoch microseconds");
            frames.forEach(Frame::close);
        }
    }

    @Test
    void describesItselfAndRefusesToGrabWhenClosed() {
        SimulatedCamera camera = new SimulatedCamera(SMALL);
        assertEquals("simulated 9ft-pool table, seed 42, 640x360 @ 30 fps", camera.description());
        assertEquals(30, camera.fps());
        camera.close();
        CameraException e = assertThrows(CameraException.class, camera::grab);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    private static Frame grabNth(SimulatedCamera camera, int n) {
        for (int i = 1; i < n; i++) {
            camera.grab().orElseThrow().close();
        }
        return camera.grab().orElseThrow();
    }

    private static long grabHash(SimulatedCamera camera) {
        try (Frame frame = camera.grab().orElseThrow()) {
            byte[] pixels = new byte[(int) (frame.image().total() * frame.image().channels())];
            frame.image().get(0, 0, pixels);
            CRC32 crc = new CRC32();
            crc.update(pixels);
            return crc.getValue();
        }
    }

    private static int difference(Mat a, Mat b, double xPx, double yPx) {
        int x = (int) Math.round(xPx);
        int y = (int) Math.round(yPx);
        double[] pa = a.get(y, x);
        double[] pb = b.get(y, x);
        return (int) (Math.abs(pa[0] - pb[0]) + Math.abs(pa[1] - pb[1]) + Math.abs(pa[2] - pb[2]));
    }

    private static LongSupplier fakeClock() {
        AtomicLong now = new AtomicLong(1_700_000_000_000_000L);
        return () -> now.addAndGet(33_333);
    }
}

package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * The cue detector at full scale takes the ball detector's non-cloth mask of the frame instead of
 * making its own: it must find exactly the stick it finds from the frame alone.
 */
class SharedClothMaskTest {
    /** Small enough that the cue detector works at full scale on a 9-foot table (about 0.36 px a mm). */
    private static final int WIDTH = 1024;
    private static final int HEIGHT = 576;
    private static final int FRAMES = 240;

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    @Test
    void theBallDetectorsMaskGivesTheSameStickAsTheFramesOwn() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSize(WIDTH, HEIGHT);
        TableLocator locator = new TableLocator(settings.table());
        BallDetector ballDetector = new BallDetector(settings.table());
        CueDetector sharing = new CueDetector();
        CueDetector alone = new CueDetector();
        AtomicInteger masksShared = new AtomicInteger();
        int sticks = 0;
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            for (int n = 0; n < FRAMES; n++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    ClothModel cloth = ClothModel.learn(frame.image()).orElseThrow();
                    TableView view = locator.locate(frame.image(), cloth).orElseThrow();
                    List<BallDetection> balls = ballDetector.detect(frame.image(), view, cloth);
                    Optional<CueDetection> withShared = sharing.detect(frame.image(), view, cloth, balls, region -> {
                        Mat mask = ballDetector.nonClothWithin(region);
                        masksShared.addAndGet(mask == null ? 0 : 1);
                        return mask;
                    });
                    assertEquals(alone.detect(frame.image(), view, cloth, balls), withShared, "frame " + n);
                    sticks += withShared.isPresent() ? 1 : 0;
                }
            }
        }
        assertEquals(FRAMES, masksShared.get(), "the cue detector took the ball detector's mask on every frame");
        assertTrue(sticks >= 40, "a stick was found in only " + sticks + " of " + FRAMES + " frames");
    }
}

package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.camera.sim.GroundTruthCue;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.vision.Detection;
import io.cuecast.vision.VisionPipeline;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cue stick a frame showed reaches the state message: tip in millimetres and pixels, angle, confidence; no stick, no {@code cue}. */
class StateCueTest {

    @Test
    void theStateMessageCarriesTheCueOfItsFrameAndNoneWithoutOne() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(42);
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        StateStage stage = new StateStage(new BallTracker(settings.table(), new TrackingLimits(8000, 5, 3, 1.0, 20, 2)),
                new EventDetector(settings.table()), new StatePublicationPolicy(1, 30, 1), new GameRecord(100), Clock.systemUTC());
        Map<String, Object> withCue = null;
        Map<String, Object> withoutCue = null;
        GroundTruthFrame cueTruth = null;
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            for (int n = 0; n < 300 && (withCue == null || withoutCue == null); n++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    GroundTruthFrame truth = camera.groundTruthOf(frame.sequence()).orElseThrow();
                    Detection detection = pipeline.detect(frame);
                    Map<String, Object> wire = stage.toWire(stage.update(detection));
                    if (detection.cue() != null && withCue == null) {
                        withCue = wire;
                        cueTruth = truth;
                    } else if (truth.cue().isEmpty() && withoutCue == null) {
                        withoutCue = wire;
                    }
                }
            }
        }
        assertNotNull(withCue, "a frame with a cue stick");
        assertNotNull(withoutCue, "a frame without one");
        assertFalse(withoutCue.containsKey("cue"), "no stick, no cue: " + withoutCue);

        Map<?, ?> cue = (Map<?, ?>) withCue.get("cue");
        assertEquals(List.of("tip", "tip_pixel", "angle_deg", "pixel_angle_deg", "confidence"),
                List.copyOf(cue.keySet()));
        GroundTruthCue truth = cueTruth.cue().orElseThrow();
        Map<?, ?> tip = (Map<?, ?>) cue.get("tip");
        Map<?, ?> tipPixel = (Map<?, ?>) cue.get("tip_pixel");
        assertEquals(truth.tipXMm(), (Double) tip.get("x"), 15, cue.toString());
        assertEquals(truth.tipYMm(), (Double) tip.get("y"), 15, cue.toString());
        assertEquals(truth.tipXPx(), (Double) tipPixel.get("x"), 6, cue.toString());
        assertEquals(truth.tipYPx(), (Double) tipPixel.get("y"), 6, cue.toString());
        double angleError = Math.IEEEremainder((Double) cue.get("angle_deg") - Math.toDegrees(truth.angleRad()), 360);
        assertEquals(0, angleError, 1, cue.toString());
        double confidence = (Double) cue.get("confidence");
        assertTrue(confidence > 0 && confidence <= 1, cue.toString());
    }
}

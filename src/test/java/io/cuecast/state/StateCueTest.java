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
import io.cuecast.camera.sim.SimulatorLayout;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.vision.Detection;
import io.cuecast.vision.VisionPipeline;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a frame showed besides the balls reaches the state message: the cue stick (tip in millimetres
 * and pixels, angle, confidence; no stick, no {@code cue}), and the table's corners in pixels.
 */
class StateCueTest {

    @Test
    void theStateMessageCarriesTheCueOfItsFrameAndNoneWithoutOne() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(42);
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        StateStage stage = stateStageFor(settings);
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

    @Test
    void theStateMessageCarriesWhereItsFrameShowedTheTablesCorners() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(7);
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        StateStage stage = stateStageFor(settings);
        Map<String, Object> wire;
        SimulatorLayout layout;
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()));
             Frame frame = camera.grab().orElseThrow()) {
            layout = SimulatorLayout.of(frame.image().cols(), frame.image().rows(), settings.table());
            wire = stage.toWire(stage.update(pipeline.detect(frame)));
        }

        List<?> corners = (List<?>) ((Map<?, ?>) wire.get("table")).get("corners_px");
        double length = settings.table().lengthMm();
        double width = settings.table().widthMm();
        double[][] tableCorners = {{0, 0}, {length, 0}, {length, width}, {0, width}};
        assertEquals(4, corners.size(), wire.toString());
        for (int i = 0; i < 4; i++) {
            Map<?, ?> corner = (Map<?, ?>) corners.get(i);
            assertEquals(layout.xToPx(tableCorners[i][0]), (Double) corner.get("x"), 3, "corner " + i + ": " + corners);
            assertEquals(layout.yToPx(tableCorners[i][1]), (Double) corner.get("y"), 3, "corner " + i + ": " + corners);
        }
    }

    private static StateStage stateStageFor(SimulatorSettings settings) {
        TrackingLimits limits = new TrackingLimits(8000, 5, 3, 1.0, 20, 2);
        return new StateStage(new BallTracker(settings.table(), limits),
                new EventDetector(settings.table(), limits), new StatePublicationPolicy(1, 30, 1), new GameRecord(100), Clock.systemUTC());
    }
}

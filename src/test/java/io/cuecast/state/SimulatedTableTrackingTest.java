package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.vision.VisionPipeline;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Detection and tracking together over consecutive simulated frames, through a break: the ids and
 * identities the state reports, judged by the simulator's ground truth.
 */
class SimulatedTableTrackingTest {
    private static final double MATCH_MM = 6.0;

    @Test
    void identitiesFollowTheBallsThroughTheBreak() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(11);
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        BallTracker tracker = new BallTracker(settings.table(), new TrackingLimits(8000, 5, 3, 1.0, 20, 2));
        Map<Integer, Set<Integer>> idsPerBall = new HashMap<>();
        int compared = 0;
        int typeRight = 0;
        int numberRight = 0;
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            for (int n = 0; n < 450; n++) {
                Frame frame = camera.grab().orElseThrow();
                GroundTruthFrame truth = camera.groundTruthOf(frame.sequence()).orElseThrow();
                TableState state = tracker.update(pipeline.detect(frame));
                frame.close();
                for (TrackedBall ball : state.balls()) {
                    if (ball.missedFrames() > 0) {
                        continue;
                    }
                    GroundTruthBall match = truth.balls().stream()
                            .filter(t -> Math.hypot(t.xMm() - ball.xMm(), t.yMm() - ball.yMm()) <= MATCH_MM)
                            .findFirst().orElse(null);
                    if (match == null) {
                        continue;
                    }
                    compared++;
                    typeRight += match.type() == ball.type() ? 1 : 0;
                    numberRight += Integer.valueOf(match.number()).equals(ball.number()) ? 1 : 0;
                    idsPerBall.computeIfAbsent(match.number(), k -> new HashSet<>()).add(ball.id());
                }
            }
        }
        int switches = idsPerBall.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        String figures = String.format(Locale.ROOT, "%d tracked balls compared: type right %d, number right %d;"
                + " %d id switches over %d balls", compared, typeRight, numberRight, switches, idsPerBall.size());
        System.out.println("tracking on the simulator: " + figures);
        assertTrue(typeRight >= 0.99 * compared, figures);
        assertTrue(numberRight >= 0.99 * compared, figures);
        assertEquals(0, switches, figures);
    }
}

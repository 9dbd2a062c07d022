package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.table.BallType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vision pipeline alone, frame by frame, on the simulator, judged by its ground truth: what each
 * single frame yields before tracking smooths anything.
 */
class SimulatedTableDetectionTest {
    private static final double MATCH_MM = 6.0;

    @Test
    void findsAndClassifiesTheBallsOfEverySimulatedFrame() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(7);
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        Map<BallType, Map<BallType, Integer>> confusion = new EnumMap<>(BallType.class);
        List<Double> errors = new ArrayList<>();
        int visible = 0;
        int found = 0;
        int detections = 0;
        int spurious = 0;
        int numberRight = 0;
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            for (int n = 0; n < 600; n++) {
                Frame frame = camera.grab().orElseThrow();
                GroundTruthFrame truth = camera.groundTruthOf(frame.sequence()).orElseThrow();
                Detection detection = pipeline.detect(frame);
                frame.close();
                if (n % 3 != 0) {
                    continue;
                }
                for (BallDetection ball : detection.balls()) {
                    detections++;
                    GroundTruthBall nearest = nearest(truth, ball);
                    double error = nearest == null ? Double.MAX_VALUE : distance(nearest, ball);
                    if (error > MATCH_MM) {
                        spurious++;
                        continue;
                    }
                    errors.add(error);
                    numberRight += Integer.valueOf(nearest.number()).equals(ball.number()) ? 1 : 0;
                    confusion.computeIfAbsent(nearest.type(), t -> new EnumMap<>(BallType.class))
                            .merge(ball.type(), 1, Integer::sum);
                }
                for (GroundTruthBall ball : truth.balls()) {
                    if (ball.visibleFraction() >= 0.99) {
                        visible++;
                        found += detection.balls().stream().anyMatch(d -> distance(ball, d) <= MATCH_MM) ? 1 : 0;
                    }
                }
            }
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int right = confusion.entrySet().stream().mapToInt(e -> e.getValue().getOrDefault(e.getKey(), 0)).sum();
        String figures = String.format(Locale.ROOT,
                "recall %d/%d, spurious %d/%d, error median %.2f mm p95 %.2f mm, type right %d/%d, number right %d/%d;"
                + " confusion (truth -> seen) %s",
                found, visible, spurious, detections, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
                right, errors.size(), numberRight, errors.size(), confusion);
        System.out.println("single-frame detection on the simulator: " + figures);
        assertTrue(found >= 0.97 * visible, figures);
        assertTrue(spurious <= 0.01 * detections, figures);
        assertTrue(sorted[(int) (sorted.length * 0.95)] <= 4.0, figures);
        assertTrue(right >= 0.97 * errors.size(), figures);
        assertTrue(numberRight >= 0.9 * errors.size(), figures);
    }

    private static GroundTruthBall nearest(GroundTruthFrame truth, BallDetection ball) {
        GroundTruthBall best = null;
        for (GroundTruthBall candidate : truth.balls()) {
            if (best == null || distance(candidate, ball) < distance(best, ball)) {
                best = candidate;
            }
        }
        return best;
    }

    private static double distance(GroundTruthBall truth, BallDetection ball) {
        return Math.hypot(truth.xMm() - ball.xMm(), truth.yMm() - ball.yMm());
    }
}

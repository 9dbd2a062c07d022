package io.cuecast.state;

import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatorLayout;
import io.cuecast.camera.sim.TableSimulator;
import io.cuecast.physics.ShotEvent;
import io.cuecast.table.BallType;
import io.cuecast.table.PoolBall;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulator's game as a detector with known faults would report it, without rendering a pixel:
 * each ball's true centre with Gaussian noise (more when it moves fast, as motion blur does),
 * single-frame misses, balls hidden by the cue stick, resting balls hidden for a few frames (a hand),
 * and misread types and numbers. Each step also hands over the truth, to score what the tracker
 * makes of the detections.
 */
final class GroundTruthFeed {
    /** What a step of the game showed and what really happened. */
    record Step(Detection detection, GroundTruthFrame truth, List<ShotEvent> physics, int shotsTaken,
                int racksSetUp, double fastestMmPerS) {
    }

    /**
     * @param noiseMm        position noise at rest, one standard deviation
     * @param missRate       chance a ball goes undetected in a frame
     * @param hideRate       chance per frame that a resting ball is hidden for 2 to 10 frames
     * @param typeMisread    chance the type is wrong (and the number unknown)
     * @param numberUnknown  chance the number is not read
     * @param numberMisread  chance the number is another of the same type
     */
    record Faults(double noiseMm, double missRate, double hideRate, double typeMisread, double numberUnknown,
                  double numberMisread) {
        /** About what the vision pipeline does on the simulator's frames (see docs/VISION.md). */
        static Faults realistic() {
            return new Faults(1.0, 0.02, 0.002, 0.01, 0.1, 0.02);
        }
    }

    private static final long START_US = 1_700_000_000_000_000L;

    private final TableSimulator simulator;
    private final SimulatorLayout layout;
    private final long frameUs;
    private final Faults faults;
    private final Random random;
    private final Map<Integer, Integer> hiddenFor = new HashMap<>();
    private long sequence;

    GroundTruthFeed(TableSpec table, double fps, long seed, Faults faults) {
        this.simulator = new TableSimulator(table, fps, seed);
        this.layout = SimulatorLayout.of(1280, 720, table);
        this.frameUs = Math.round(1e6 / fps);
        this.faults = faults;
        this.random = new Random(seed + 1);
    }

    Step next() {
        List<ShotEvent> physics = simulator.advance();
        sequence++;
        long capturedAtUs = START_US + sequence * frameUs;
        GroundTruthFrame truth = GroundTruthFrame.of(sequence, capturedAtUs, simulator.state(), layout);
        List<BallDetection> balls = new ArrayList<>();
        double fastest = 0;
        for (GroundTruthBall ball : truth.balls()) {
            double speed = Math.hypot(ball.vxMmPerS(), ball.vyMmPerS());
            fastest = Math.max(fastest, speed);
            if (seen(ball, speed)) {
                balls.add(detect(ball, speed));
            }
        }
        Collections.shuffle(balls, random);
        return new Step(new Detection(sequence, capturedAtUs, null, balls, 0), truth, physics,
                simulator.shotsTaken(), simulator.racksSetUp(), fastest);
    }

    private boolean seen(GroundTruthBall ball, double speed) {
        int hidden = hiddenFor.getOrDefault(ball.number(), 0);
        if (hidden > 0) {
            hiddenFor.put(ball.number(), hidden - 1);
            return false;
        }
        if (speed == 0 && random.nextDouble() < faults.hideRate()) {
            hiddenFor.put(ball.number(), 1 + random.nextInt(9));
            return false;
        }
        return ball.visibleFraction() >= 0.5 && random.nextDouble() >= faults.missRate();
    }

    private BallDetection detect(GroundTruthBall ball, double speed) {
        double sigma = faults.noiseMm() * (1 + speed / 2000);
        double x = ball.xMm() + random.nextGaussian() * sigma;
        double y = ball.yMm() + random.nextGaussian() * sigma;
        BallType type = ball.type();
        Integer number = ball.number();
        double draw = random.nextDouble();
        if (draw < faults.typeMisread()) {
            BallType[] others = {BallType.CUE, BallType.EIGHT, BallType.SOLID, BallType.STRIPE};
            do {
                type = others[random.nextInt(others.length)];
            } while (type == ball.type());
            number = null;
        } else if (draw < faults.typeMisread() + faults.numberUnknown()) {
            number = null;
        } else if (draw < faults.typeMisread() + faults.numberUnknown() + faults.numberMisread()) {
            number = sameTypeOtherThan(ball);
        }
        return new BallDetection(layout.xToPx(x), layout.yToPx(y), x, y, 12, type, number, 0.9);
    }

    private Integer sameTypeOtherThan(GroundTruthBall ball) {
        List<Integer> candidates = new ArrayList<>();
        for (PoolBall other : PoolBall.values()) {
            if (other.type() == ball.type() && other.number() != ball.number()) {
                candidates.add(other.number());
            }
        }
        return candidates.isEmpty() ? ball.number() : candidates.get(random.nextInt(candidates.size()));
    }
}

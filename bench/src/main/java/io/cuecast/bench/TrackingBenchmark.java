package io.cuecast.bench;

import io.cuecast.camera.sim.BallState;
import io.cuecast.camera.sim.TableSimulator;
import io.cuecast.state.BallTracker;
import io.cuecast.state.EventDetector;
import io.cuecast.state.TrackingLimits;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tracking cost per frame with 16 balls: {@link BallTracker#update} and {@link EventDetector#onFrame}
 * over the first {@value #FRAMES} frames of a simulated game (the rack, the cue's approach and the
 * break, all 16 balls on the table), from the simulator's true positions with 1 mm of noise. Each
 * invocation plays them all through a fresh tracker, since tracking depends on the frames before.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackingBenchmark {
    static final int FRAMES = 200;
    private static final TableSpec TABLE = TableSpec.POOL_9FT;
    private static final long FRAME_US = 33_333;

    private final List<Detection> frames = new ArrayList<>();
    private BallTracker tracker;
    private EventDetector events;

    @Setup(Level.Trial)
    public void playTheBreak() {
        // The first seed whose break pockets nothing within the frames, so that all 16 balls count.
        for (long seed = 1; frames.size() < FRAMES; seed++) {
            frames.clear();
            TableSimulator simulator = new TableSimulator(TABLE, 30, seed);
            Random noise = new Random(seed);
            for (int n = 1; n <= FRAMES; n++) {
                simulator.advance();
                List<BallDetection> balls = new ArrayList<>();
                for (BallState ball : simulator.state().balls()) {
                    double x = ball.xMm() + noise.nextGaussian();
                    double y = ball.yMm() + noise.nextGaussian();
                    balls.add(new BallDetection(x / 2, y / 2, x, y, 12, ball.ball().type(), ball.ball().number(), 0.9));
                }
                if (balls.size() != 16) {
                    break;
                }
                frames.add(new Detection(n, n * FRAME_US, null, balls, 0));
            }
        }
    }

    @Setup(Level.Invocation)
    public void freshTracker() {
        TrackingLimits limits = new TrackingLimits(8000, 5, 3, 1.0, 25, 2);
        tracker = new BallTracker(TABLE, limits);
        events = new EventDetector(TABLE, limits);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void trackAndTellEvents(Blackhole hole) {
        for (Detection frame : frames) {
            hole.consume(events.onFrame(tracker.update(frame)));
        }
    }
}

package io.cuecast.bench;

import io.cuecast.camera.sim.RackLayout;
import io.cuecast.physics.BallBody;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.prediction.AimedState;
import io.cuecast.physics.prediction.Prediction;
import io.cuecast.physics.prediction.PredictionSettings;
import io.cuecast.physics.prediction.PredictionStage;
import io.cuecast.physics.prediction.ShotPredictor;
import io.cuecast.physics.prediction.TrajectoryMessages;
import io.cuecast.state.StateUpdate;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The prediction of a break as the prediction route makes it: a table state of 16 tracked balls in
 * the simulator's 8-ball rack, the cue stick aimed at the apex, read into a shot at the default
 * speed range, played out through chains of collisions, and turned into the trajectory message.
 * The nominal prediction and the confidence sampling (the configured 24 shots, aim and speed
 * sampled) are measured apart, and together as the route runs them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PredictionBenchmark {

    @Param({"0", "1", "2"})
    public int rackSeed;

    /** The break speed (a rack stands on the table, so the prediction takes it); its spread is a quarter of it. */
    @Param({"6000"})
    public double breakSpeedMmPerS;

    private PredictionStage stage;
    private ShotPredictor predictor;
    private AimedState aimed;
    private ShotPredictor.Played played;

    @Setup
    public void aimAtTheRack() {
        TableSpec table = TableSpec.POOL_9FT;
        EventPhysics physics = new EventPhysics(table, EventPhysicsSettings.POOL);
        PredictionSettings defaults = PredictionSettings.DEFAULTS;
        PredictionSettings settings = new PredictionSettings(defaults.defaultSpeedMmPerS(), defaults.speedSpreadMmPerS(),
                breakSpeedMmPerS, breakSpeedMmPerS / 4, defaults.aimNoiseDeg(), defaults.minAimChangeDeg(), defaults.minSpeedChangeMmPerS(),
                defaults.minBallMoveMm(), defaults.confidenceSamples());
        stage = new PredictionStage(physics, settings);
        predictor = new ShotPredictor(physics, settings.confidenceSamples());
        List<BallBody> rack = RackLayout.rack(table, new Random(rackSeed));
        List<TrackedBall> balls = rack.stream().map(ball -> new TrackedBall(ball.number() + 1, null, ball.number(),
                ball.x(), ball.y(), 0, 0, 0, 0, 0, 0, false, false, 1, 0, 0)).toList();
        TrackedBall cue = balls.stream().filter(ball -> ball.id() == 1).findFirst().orElseThrow();
        TrackedBall apex = balls.stream().filter(ball -> ball.id() != 1)
                .min(Comparator.comparingDouble(TrackedBall::xMm)).orElseThrow();
        double angle = Math.atan2(apex.yMm() - cue.yMm(), apex.xMm() - cue.xMm());
        double back = table.ballRadiusMm() + 40;
        CueDetection stick = new CueDetection(0, 0, cue.xMm() - Math.cos(angle) * back,
                cue.yMm() - Math.sin(angle) * back, 0, 0, Math.toDegrees(angle), Math.toDegrees(angle), 0.9);
        TableState state = new TableState(1, 0, table, true, balls, List.of(), List.of(), stick);
        aimed = stage.aim(new StateUpdate(state, List.of()));
        played = predictor.play(aimed.state(), aimed.shot());
    }

    /** The nominal prediction, from the aimed state to the trajectory message's data, without the confidence. */
    @Benchmark
    public Map<String, Object> nominalPrediction() {
        ShotPredictor.Played shot = predictor.play(aimed.state(), aimed.shot());
        return TrajectoryMessages.toWire(new Prediction(1, 0, aimed.shot(),
                shot.outcome(), null, 1, 0, 0));
    }

    /** The confidence: the configured number of sampled shots, each played out. */
    @Benchmark
    public double confidenceSampling() {
        return predictor.confidence(played, aimed.shot());
    }

    /** Everything the prediction route does with an aimed state: nominal, ghost ball, confidence, message. */
    @Benchmark
    public Map<String, Object> wholePrediction() {
        return stage.toWire(stage.predict(aimed));
    }
}

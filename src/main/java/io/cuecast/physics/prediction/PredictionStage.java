package io.cuecast.physics.prediction;

import io.cuecast.physics.EventPhysics;
import io.cuecast.state.Rack;
import io.cuecast.state.StateUpdate;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prediction's bean. On the frame's path (routes/state-update.camel.yaml) it reads every state's
 * aim, following the cue's approach across states, and keeps the newest; the prediction route
 * (routes/prediction.camel.yaml) takes that newest aim when it is free, says whether it differs
 * enough from the last prediction's to predict again, and predicts. A slow prediction so skips
 * stale aims but never misses a state of the stroke whose speed it measures.
 */
public final class PredictionStage {
    private final ShotPredictor predictor;
    private final PredictionSettings settings;
    private final double ballRadiusMm;
    private final CueApproach approach = new CueApproach();
    /** What the last prediction was made from, or null when the next aim must be predicted anyway. */
    private Basis last;
    /** The newest state's aim, for the prediction route to take. */
    private AimedState newest;
    /** Counts the times the aim was lost: a prediction begun before is not a basis after. */
    private long aimsLost;

    /** The shot and ball positions a prediction was made from. */
    private record Basis(int cueBallId, double angleRad, double speedMmPerS, ShotEstimate.SpeedSource speedSource,
                         Map<Integer, double[]> positions) {
    }

    public PredictionStage(EventPhysics physics, PredictionSettings settings) {
        this.predictor = new ShotPredictor(physics, settings.confidenceSamples());
        this.settings = settings;
        this.ballRadiusMm = physics.settings().ballRadiusMm();
    }

    /** Reads the state's aim on the frame's path, for {@link #newestAim()}: see {@link #aim}. */
    public void observe(StateUpdate update) {
        aim(update);
    }

    /**
     * The shot the state's cue aims, while every ball is at rest; its speed from the cue's approach
     * over recent states when the tip is closing in at stroke speed, else the break speed while a
     * rack stands on the table, else at least the speed of a stroke seen beginning, else the default.
     * It becomes the newest aim.
     */
    public synchronized AimedState aim(StateUpdate update) {
        TableState state = update.state();
        boolean atRest = !state.balls().isEmpty() && state.balls().stream().noneMatch(TrackedBall::moving);
        Optional<CueAim> aim = atRest && state.table() != null
                ? CueAim.of(state, ballRadiusMm, settings.aimNoiseDeg()) : Optional.empty();
        if (aim.isEmpty()) {
            approach.reset();
            last = null;
            aimsLost++;
            newest = new AimedState(state, null);
            return newest;
        }
        approach.observe(state.capturedAtUs(), aim.get());
        newest = new AimedState(state, shotOf(aim.get(), approach.stroke(), breaking(state, aim.get())));
        return newest;
    }

    private ShotEstimate shotOf(CueAim aim, Optional<CueApproach.Stroke> stroke, boolean breaking) {
        if (stroke.isPresent() && !stroke.get().atLeast()) {
            return ShotEstimate.atMeasuredSpeed(aim, stroke.get().speedMmPerS());
        }
        if (breaking) {
            return ShotEstimate.atBreakSpeed(aim, settings);
        }
        return stroke.isPresent() ? ShotEstimate.atStrokeBegun(aim, stroke.get().speedMmPerS(), settings)
                : ShotEstimate.atDefaultSpeed(aim, settings);
    }

    /** A rack stands on the table, and the cue ball is not in it. */
    private boolean breaking(TableState state, CueAim aim) {
        List<Integer> rack = Rack.on(state.balls(), 2 * ballRadiusMm);
        return !rack.isEmpty() && !rack.contains(aim.cueBallId());
    }

    /** The newest state's aim ({@link #observe}); the prediction route asks only after a state came. */
    public synchronized AimedState newestAim() {
        if (newest == null) {
            throw new IllegalStateException("no state has been observed yet");
        }
        return newest;
    }

    /**
     * True when there is a shot and it is not the one last predicted: another cue ball, the aim turned
     * by more than cuecast.prediction.min-aim-change-deg, the speed changed by more than
     * min-speed-change-mm-s or came from elsewhere (a stroke began), or a ball moved by more than
     * min-ball-move-mm, came or went.
     */
    public synchronized boolean worthPredicting(AimedState aimed) {
        if (!aimed.aimed()) {
            return false;
        }
        if (last == null) {
            return true;
        }
        ShotEstimate shot = aimed.shot();
        double turned = Math.abs(Math.IEEEremainder(shot.aim().angleRad() - last.angleRad, 2 * Math.PI));
        return shot.aim().cueBallId() != last.cueBallId
                || Math.toDegrees(turned) > settings.minAimChangeDeg()
                || Math.abs(shot.speedMmPerS() - last.speedMmPerS) > settings.minSpeedChangeMmPerS()
                || shot.speedSource() != last.speedSource
                || ballsMoved(aimed.state());
    }

    /**
     * Predicts the shot (which {@link #worthPredicting} let through) and remembers what it was made
     * from, unless the aim was lost meanwhile. The physics runs outside the lock, so that reading
     * the next states' aims on the frame's path never waits for it.
     */
    public Prediction predict(AimedState aimed) {
        if (!aimed.aimed()) {
            throw new IllegalArgumentException("state " + aimed.state().frameSequence() + " has no aimed shot to predict");
        }
        long lostBefore;
        synchronized (this) {
            lostBefore = aimsLost;
        }
        Prediction prediction = predictor.predict(aimed.state(), aimed.shot());
        Map<Integer, double[]> positions = new HashMap<>();
        aimed.state().balls().forEach(ball -> positions.put(ball.id(), new double[] {ball.xMm(), ball.yMm()}));
        synchronized (this) {
            if (aimsLost == lostBefore) {
                last = new Basis(aimed.shot().aim().cueBallId(), aimed.shot().aim().angleRad(),
                        aimed.shot().speedMmPerS(), aimed.shot().speedSource(), positions);
            }
        }
        return prediction;
    }

    /** The {@code data} of the prediction's {@code trajectory} message. */
    public Map<String, Object> toWire(Prediction prediction) {
        return TrajectoryMessages.toWire(prediction);
    }

    private boolean ballsMoved(TableState state) {
        if (state.balls().size() != last.positions.size()) {
            return true;
        }
        for (TrackedBall ball : state.balls()) {
            double[] was = last.positions.get(ball.id());
            if (was == null || Math.hypot(ball.xMm() - was[0], ball.yMm() - was[1]) > settings.minBallMoveMm()) {
                return true;
            }
        }
        return false;
    }
}

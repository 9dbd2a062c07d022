package io.cuecast.physics.prediction;

import io.cuecast.physics.BallState;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.Shot;
import io.cuecast.physics.ShotEvent;
import io.cuecast.physics.ShotOutcome;
import io.cuecast.state.TableState;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Plays the shot the cue aims with the event-based physics, and samples shots within the aim's and the
 * speed's uncertainty to say how sure the prediction is. Thread-safe.
 */
public final class ShotPredictor {
    /** Fixed seeds (this plus the sample's number): the same state and shot always give the same confidence. */
    private static final long SAMPLING_SEED = 0x5eed;

    private final EventPhysics physics;
    private final int samples;

    public ShotPredictor(EventPhysics physics, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("the confidence needs at least one sample, was " + samples);
        }
        this.physics = physics;
        this.samples = samples;
    }

    /** The nominal shot played out on the state's balls (made playable), before any sampling. */
    public record Played(List<BallState> layout, ShotOutcome outcome) {
    }

    /**
     * Predicts {@code shot} on the balls of {@code state}: the nominal shot, its ghost ball, and the
     * confidence, timed.
     *
     * @throws IllegalArgumentException when the state has no table or the shot's ball is not in it
     */
    public Prediction predict(TableState state, ShotEstimate shot) {
        long started = System.nanoTime();
        Played played = play(state, shot);
        double confidence = confidence(played, shot);
        return new Prediction(state.frameSequence(), state.capturedAtUs(), shot, played.outcome(),
                ghostBall(played, shot.aim().cueBallId()), confidence, samples, (System.nanoTime() - started) / 1e6);
    }

    /** The nominal shot. */
    public Played play(TableState state, ShotEstimate shot) {
        if (state.table() == null) {
            throw new IllegalArgumentException("a prediction needs the table, and state " + state.frameSequence()
                    + " has none");
        }
        int cueBall = shot.aim().cueBallId();
        if (state.balls().stream().noneMatch(ball -> ball.id() == cueBall)) {
            throw new IllegalArgumentException("the cue aims at ball " + cueBall + ", which is not in state "
                    + state.frameSequence());
        }
        List<BallState> layout = PlayableLayout.of(state.balls(), state.table(), physics.settings().ballRadiusMm());
        return new Played(layout, physics.simulate(layout, Shot.atAngle(cueBall, shot.speedMmPerS(), shot.aim().angleRad())));
    }

    /**
     * The share of shots, sampled with the aim's normal spread and anywhere in the speed's range,
     * that hit the same first ball and pocket the same balls as the nominal one. The samples are
     * played side by side on the common pool (a break's take about 0.8 ms each); each has its own
     * seed, so the confidence does not depend on how they were shared out.
     */
    public double confidence(Played nominal, ShotEstimate shot) {
        int cueBall = shot.aim().cueBallId();
        Prediction.Result expected = resultOf(nominal.outcome(), cueBall);
        long agreeing = IntStream.range(0, samples).parallel().filter(k -> {
            Random random = new Random(SAMPLING_SEED + k);
            double angle = shot.aim().angleRad() + random.nextGaussian() * shot.aim().sigmaRad();
            double speed = shot.minSpeedMmPerS() + random.nextDouble() * (shot.maxSpeedMmPerS() - shot.minSpeedMmPerS());
            ShotOutcome sampled = physics.simulate(nominal.layout(), Shot.atAngle(cueBall, speed, angle));
            return resultOf(sampled, cueBall).equals(expected);
        }).count();
        return (double) agreeing / samples;
    }

    /** The first object ball the cue ball hits, and the balls pocketed, in id order. */
    static Prediction.Result resultOf(ShotOutcome outcome, int cueBall) {
        return new Prediction.Result(firstContact(outcome, cueBall) instanceof ShotEvent.BallCollision hit
                ? other(hit, cueBall) : null,
                outcome.pocketEntries().stream().map(ShotEvent.PocketEntry::ball).sorted().toList());
    }

    /**
     * Where the cue ball's centre is as it touches its first object ball. Nothing else has moved by
     * then, so the object ball is where it started, and the contact point is halfway between centres.
     */
    private static Prediction.GhostBall ghostBall(Played played, int cueBall) {
        if (!(firstContact(played.outcome(), cueBall) instanceof ShotEvent.BallCollision hit)) {
            return null;
        }
        int objectBall = other(hit, cueBall);
        BallState object = played.layout().stream().filter(ball -> ball.id() == objectBall).findFirst().orElseThrow();
        return new Prediction.GhostBall(objectBall, 2 * hit.x() - object.x(), 2 * hit.y() - object.y());
    }

    private static ShotEvent firstContact(ShotOutcome outcome, int cueBall) {
        for (ShotEvent event : outcome.events()) {
            if (event instanceof ShotEvent.BallCollision hit && (hit.ball() == cueBall || hit.otherBall() == cueBall)) {
                return hit;
            }
        }
        return null;
    }

    private static int other(ShotEvent.BallCollision hit, int cueBall) {
        return hit.ball() == cueBall ? hit.otherBall() : hit.ball();
    }
}

package io.cuecast.physics;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated shot as closed-form motion: every ball's state at any time after the strike, exactly
 * as the engine moved it, and what happened between two times. The simulator films a shot with it,
 * one frame's time after another; {@link #outcome()} is the same shot summed up for a prediction.
 *
 * <p>Each ball's motion is a list of stretches, one per event that changed it; within a stretch the
 * ball moves in closed form from the state it started with ({@link MovingBall#advance}).
 */
public final class ShotTimeline {

    /** From {@code start} seconds on, the ball moves on from {@code state} (or has dropped, if pocketed). */
    record Stretch(double start, BallState state, boolean pocketed) {
    }

    private final List<List<Stretch>> stretches;
    private final EventPhysicsSettings settings;
    private final ShotOutcome outcome;

    ShotTimeline(List<List<Stretch>> stretches, EventPhysicsSettings settings, ShotOutcome outcome) {
        this.stretches = stretches;
        this.settings = settings;
        this.outcome = outcome;
    }

    /** The shot's events, paths and resting positions. */
    public ShotOutcome outcome() {
        return outcome;
    }

    /** When the last ball stopped (translating or spinning), in seconds after the strike. */
    public double durationSeconds() {
        return outcome.durationSeconds();
    }

    /**
     * The balls still on the table at {@code seconds} after the strike (a ball that drops at exactly
     * that time is gone), with their positions, velocities and spins, in the order they were given.
     */
    public List<BallState> statesAt(double seconds) {
        List<BallState> states = new ArrayList<>(stretches.size());
        for (List<Stretch> ball : stretches) {
            Stretch current = ball.get(0);
            for (Stretch stretch : ball) {
                if (stretch.start() > seconds) {
                    break;
                }
                current = stretch;
            }
            if (!current.pocketed()) {
                MovingBall moving = new MovingBall(current.state(), settings);
                // A stretch never outlasts its phase; the cap only matters after a shot cut short.
                moving.advance(Math.min(seconds - current.start(), moving.phaseEndsIn()));
                states.add(moving.state());
            }
        }
        return states;
    }

    /** The events after {@code fromSeconds} up to and including {@code toSeconds}, in time order. */
    public List<ShotEvent> eventsBetween(double fromSeconds, double toSeconds) {
        return outcome.events().stream().filter(e -> e.time() > fromSeconds && e.time() <= toSeconds).toList();
    }
}

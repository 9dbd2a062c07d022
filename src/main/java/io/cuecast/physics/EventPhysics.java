package io.cuecast.physics;

import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Event-based billiards physics: instead of stepping time, it works out analytically when the next
 * thing happens (two balls touch, a ball meets a cushion or a jaw, drops into a pocket, starts to
 * roll, stops) and jumps there. Between events every ball moves in closed form (see
 * {@link MovingBall}); the event times are roots of quadratics and quartics (see {@link Polynomials}).
 *
 * <p>The model follows the event-based ones of Leckie and Greenspan and of Mathavan et al., as
 * pooltool documents them: sliding with friction into rolling, rolling resistance, spin about the
 * vertical axis dying away, instantaneous collisions with restitution and Coulomb friction. The
 * state keeps each ball's full angular velocity, so follow, draw and side fit in without a change
 * to the engine. Thread-safe: every call simulates on its own state.
 */
public final class EventPhysics {
    /** Balls may overlap this much in a given layout (measured positions are not exact). */
    private static final double OVERLAP_TOLERANCE_MM = 0.5;

    private final TableSpec table;
    private final EventPhysicsSettings settings;
    private final TableBoundary boundary;

    public EventPhysics(TableSpec table, EventPhysicsSettings settings) {
        this.table = table;
        this.settings = settings;
        this.boundary = new TableBoundary(table, settings);
    }

    public EventPhysicsSettings settings() {
        return settings;
    }

    /** Plays a shot: ball {@code shot.ball()} of the resting layout gets the shot's velocity. */
    public ShotOutcome simulate(List<BallState> layout, Shot shot) {
        return play(layout, shot).outcome();
    }

    /** Lets the balls move from the given states until all are at rest or pocketed. */
    public ShotOutcome simulate(List<BallState> balls) {
        return play(balls).outcome();
    }

    /** As {@link #simulate(List, Shot)}, keeping every ball's motion to sample at any time. */
    public ShotTimeline play(List<BallState> layout, Shot shot) {
        List<BallState> start = new ArrayList<>(layout.size());
        boolean found = false;
        for (BallState ball : layout) {
            if (ball.id() == shot.ball()) {
                start.add(new BallState(ball.id(), ball.x(), ball.y(), shot.vx(), shot.vy(),
                        ball.wx(), ball.wy(), ball.wz()));
                found = true;
            } else {
                start.add(ball);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("the shot strikes ball " + shot.ball() + ", which is not on the table");
        }
        return play(start);
    }

    /** As {@link #simulate(List)}, keeping every ball's motion to sample at any time. */
    public ShotTimeline play(List<BallState> balls) {
        ShotSimulation simulation = start(balls);
        boolean complete = simulation.run();
        return simulation.timeline(complete);
    }

    /**
     * Whether a ball's centre can be at (x, y): inside the cushions, or in a pocket's mouth short of
     * its drop line, where a ball that ran out of pace hangs.
     */
    public boolean holds(double x, double y) {
        return boundary.holds(x, y);
    }

    /** A simulation of the given states, checked, to be stepped event by event. */
    ShotSimulation start(List<BallState> balls) {
        requirePlayable(balls);
        return new ShotSimulation(balls, boundary, settings);
    }

    private void requirePlayable(List<BallState> balls) {
        Set<Integer> ids = new HashSet<>();
        double r = settings.ballRadiusMm();
        for (BallState ball : balls) {
            if (!ids.add(ball.id())) {
                throw new IllegalArgumentException("ball " + ball.id() + " is on the table twice");
            }
            if (!holds(ball.x(), ball.y())) {
                throw new IllegalArgumentException(String.format(
                        "ball %d at (%.1f, %.1f) mm is not on the %.0f x %.0f mm playing area",
                        ball.id(), ball.x(), ball.y(), table.lengthMm(), table.widthMm()));
            }
        }
        for (int i = 0; i < balls.size(); i++) {
            for (int j = i + 1; j < balls.size(); j++) {
                BallState a = balls.get(i);
                BallState b = balls.get(j);
                if (Planar.length(a.x() - b.x(), a.y() - b.y()) < 2 * r - OVERLAP_TOLERANCE_MM) {
                    throw new IllegalArgumentException("balls " + a.id() + " and " + b.id() + " overlap");
                }
            }
        }
    }
}

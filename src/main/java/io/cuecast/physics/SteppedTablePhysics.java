package io.cuecast.physics;

import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Simple time-stepped physics: constant deceleration, impulse collisions between equal-mass balls
 * along their line of centres, cushion bounces and pocket capture.
 *
 * <p>Each step is cut into sub-steps short enough that no ball moves more than a quarter of its
 * radius in one, so that even a break shot cannot tunnel through a ball or a cushion. Balls are
 * rolled without slipping: each turns about the horizontal axis across its path by distance / radius.
 */
public final class SteppedTablePhysics implements TablePhysics {

    /** How far a ball may move in one sub-step, as a share of its radius. */
    private static final double MAX_MOVE_PER_SUBSTEP = 0.25;
    /** Passes over all pairs to push apart balls that one push moved into another. */
    private static final int SEPARATION_PASSES = 8;
    /** Overlap small enough to count as touching, so rounding does not trigger endless pushes. */
    private static final double TOUCH_TOLERANCE_MM = 1e-9;

    private final TableSpec table;
    private final PhysicsSettings settings;
    private final double radius;
    private final List<TableSpec.Pocket> pockets;

    public SteppedTablePhysics(TableSpec table, PhysicsSettings settings) {
        this.table = table;
        this.settings = settings;
        this.radius = table.ballRadiusMm();
        this.pockets = table.pockets();
    }

    @Override
    public List<PhysicsEvent> step(List<BallBody> balls, double dtSeconds) {
        if (!(dtSeconds >= 0)) {
            throw new IllegalArgumentException("a physics step needs dt >= 0, was " + dtSeconds);
        }
        List<BallBody> inPlay = new ArrayList<>();
        for (BallBody ball : balls) {
            if (!ball.isPocketed()) {
                inPlay.add(ball);
            }
        }
        List<PhysicsEvent> events = new ArrayList<>();
        double remaining = dtSeconds;
        while (remaining > 0) {
            double fastest = fastestSpeed(inPlay);
            if (fastest == 0) {
                break;
            }
            double h = Math.min(remaining, MAX_MOVE_PER_SUBSTEP * radius / fastest);
            subStep(inPlay, h, events);
            remaining -= h;
        }
        return events;
    }

    private void subStep(List<BallBody> inPlay, double h, List<PhysicsEvent> events) {
        for (BallBody ball : inPlay) {
            roll(ball, h);
        }
        dropPocketedBalls(inPlay, events);
        collideBalls(inPlay, events);
        for (BallBody ball : inPlay) {
            bounceOffCushions(ball, events);
        }
        separateOverlaps(inPlay);
    }

    /** Moves a ball along its path for h seconds while it slows down, turning it as it rolls. */
    private void roll(BallBody ball, double h) {
        double speed = ball.speed();
        if (speed == 0) {
            return;
        }
        double newSpeed = Math.max(0, speed - settings.decelerationMmPerS2() * h);
        double distance = (speed + newSpeed) / 2 * h;
        double ux = ball.vx() / speed;
        double uy = ball.vy() / speed;
        ball.moveTo(ball.x() + ux * distance, ball.y() + uy * distance);
        // Rolling without slipping: the contact point (below the centre, +z) stays put, so the ball
        // turns about (uy, -ux, 0), the table-plane axis across its path.
        ball.turnTo(ball.orientation().rotatedBy(uy, -ux, 0, distance / radius));
        if (newSpeed < settings.stopSpeedMmPerS()) {
            newSpeed = 0;
        }
        ball.setVelocity(ux * newSpeed, uy * newSpeed);
    }

    private void dropPocketedBalls(List<BallBody> inPlay, List<PhysicsEvent> events) {
        for (var it = inPlay.iterator(); it.hasNext(); ) {
            BallBody ball = it.next();
            for (TableSpec.Pocket pocket : pockets) {
                if (Math.hypot(ball.x() - pocket.x(), ball.y() - pocket.y()) < pocket.radiusMm()) {
                    ball.dropIntoPocket();
                    events.add(new PhysicsEvent.BallPocketed(ball.number(), pocket.name()));
                    it.remove();
                    break;
                }
            }
        }
    }

    /** Exchanges momentum along the line of centres between every pair of touching, closing balls. */
    private void collideBalls(List<BallBody> inPlay, List<PhysicsEvent> events) {
        forEachPairCloserThan(inPlay, 2 * radius, (a, b, nx, ny, distance) -> {
            double closing = (a.vx() - b.vx()) * nx + (a.vy() - b.vy()) * ny;
            if (closing <= 0) {
                return false;
            }
            // Equal masses: each ball gets (1 + e) / 2 of the closing speed along the normal.
            double impulse = (1 + settings.ballRestitution()) / 2 * closing;
            a.setVelocity(a.vx() - impulse * nx, a.vy() - impulse * ny);
            b.setVelocity(b.vx() + impulse * nx, b.vy() + impulse * ny);
            events.add(new PhysicsEvent.BallCollision(a.number(), b.number(), closing));
            return true;
        });
    }

    private void bounceOffCushions(BallBody ball, List<PhysicsEvent> events) {
        double min = radius;
        double maxX = table.lengthMm() - radius;
        double maxY = table.widthMm() - radius;
        if (ball.x() < min && ball.vx() < 0) {
            bounce(ball, Cushion.LEFT, events);
        } else if (ball.x() > maxX && ball.vx() > 0) {
            bounce(ball, Cushion.RIGHT, events);
        }
        if (ball.y() < min && ball.vy() < 0) {
            bounce(ball, Cushion.TOP, events);
        } else if (ball.y() > maxY && ball.vy() > 0) {
            bounce(ball, Cushion.BOTTOM, events);
        }
        keepOnTable(ball);
    }

    private void bounce(BallBody ball, Cushion cushion, List<PhysicsEvent> events) {
        boolean vertical = cushion == Cushion.LEFT || cushion == Cushion.RIGHT;
        double normal = vertical ? ball.vx() : ball.vy();
        double along = vertical ? ball.vy() : ball.vx();
        double bouncedNormal = -normal * settings.cushionRestitution();
        double keptAlong = along * (1 - settings.cushionTangentialLoss());
        if (vertical) {
            ball.setVelocity(bouncedNormal, keptAlong);
        } else {
            ball.setVelocity(keptAlong, bouncedNormal);
        }
        events.add(new PhysicsEvent.CushionContact(ball.number(), cushion, Math.abs(normal)));
    }

    private void keepOnTable(BallBody ball) {
        double x = Math.min(Math.max(ball.x(), radius), table.lengthMm() - radius);
        double y = Math.min(Math.max(ball.y(), radius), table.widthMm() - radius);
        ball.moveTo(x, y);
    }

    /**
     * Pushes overlapping balls apart along their line of centres, half each. Positions only: the
     * velocities were settled by the collision, so this neither adds nor removes energy.
     */
    private void separateOverlaps(List<BallBody> inPlay) {
        double contact = 2 * radius;
        for (int pass = 0; pass < SEPARATION_PASSES; pass++) {
            boolean moved = forEachPairCloserThan(inPlay, contact - TOUCH_TOLERANCE_MM, (a, b, nx, ny, distance) -> {
                double push = (contact - distance) / 2;
                a.moveTo(a.x() - nx * push, a.y() - ny * push);
                b.moveTo(b.x() + nx * push, b.y() + ny * push);
                keepOnTable(a);
                keepOnTable(b);
                return true;
            });
            if (!moved) {
                return;
            }
        }
    }

    /** What to do with two balls closer than a limit, given the unit normal from a to b. */
    private interface PairAction {
        /** @return whether it changed anything */
        boolean act(BallBody a, BallBody b, double nx, double ny, double distance);
    }

    /** Runs the action on every pair of balls whose centres are closer than {@code limit}. */
    private static boolean forEachPairCloserThan(List<BallBody> balls, double limit, PairAction action) {
        boolean changed = false;
        for (int i = 0; i < balls.size(); i++) {
            BallBody a = balls.get(i);
            for (int j = i + 1; j < balls.size(); j++) {
                BallBody b = balls.get(j);
                double dx = b.x() - a.x();
                double dy = b.y() - a.y();
                double distance = Math.hypot(dx, dy);
                if (distance < limit) {
                    // Coincident centres have no line between them: push along x.
                    double nx = distance == 0 ? 1 : dx / distance;
                    double ny = distance == 0 ? 0 : dy / distance;
                    changed |= action.act(a, b, nx, ny, distance);
                }
            }
        }
        return changed;
    }

    private static double fastestSpeed(List<BallBody> balls) {
        double fastest = 0;
        for (BallBody ball : balls) {
            fastest = Math.max(fastest, ball.speed());
        }
        return fastest;
    }
}

package io.cuecast.physics;

import io.cuecast.physics.ShotEvent.Motion;

/**
 * One ball inside the event-based engine: its state, and the closed-form motion of its current phase.
 *
 * <p>The contact point with the cloth lies a radius R below the centre (+z), so it slips with
 * u = v + ω × (R ẑ) = (vx + R ωy, vy − R ωx). While it slips (sliding), friction μs·g acts against u:
 * the centre decelerates by μs·g along û and ω changes by 5μs·g/(2R) (ûy, −ûx), so u shrinks at
 * 7/2·μs·g along a fixed direction and the ball rolls after 2|u|/(7μs·g). While rolling, rolling
 * resistance slows it by μr·g until it stops after |v|/(μr·g). Spin about z dies away at its own
 * rate, whatever the ball does.
 */
final class MovingBall {
    private static final double SLIP_AT_REST_MM_S = 1e-6;

    final int id;
    double x;
    double y;
    double vx;
    double vy;
    double wx;
    double wy;
    double wz;
    Motion motion = Motion.STOPPED;
    boolean pocketed;

    private final double radius;
    private final double slidingDeceleration;
    private final double rollingDeceleration;
    private final double spinDeceleration;

    MovingBall(BallState state, EventPhysicsSettings settings) {
        this.id = state.id();
        this.x = state.x();
        this.y = state.y();
        this.vx = state.vx();
        this.vy = state.vy();
        this.wx = state.wx();
        this.wy = state.wy();
        this.wz = state.wz();
        this.radius = settings.ballRadiusMm();
        this.slidingDeceleration = settings.slidingDecelerationMmPerS2();
        this.rollingDeceleration = settings.rollingDecelerationMmPerS2();
        this.spinDeceleration = settings.spinDecelerationRadPerS2();
        classify();
    }

    /** Sets the phase from the state, after a strike or a collision changed it. */
    void classify() {
        double slip = Planar.length(slipX(), slipY());
        if (slip > SLIP_AT_REST_MM_S) {
            motion = Motion.SLIDING;
        } else if (vx != 0 || vy != 0) {
            motion = Motion.ROLLING;
            lockRolling();
        } else {
            motion = wz != 0 ? Motion.SPINNING : Motion.STOPPED;
            wx = 0;
            wy = 0;
        }
    }

    boolean moves() {
        return motion == Motion.SLIDING || motion == Motion.ROLLING;
    }

    /** Seconds until this phase ends by itself, or infinity. */
    double phaseEndsIn() {
        return switch (motion) {
            case SLIDING -> 2 * Planar.length(slipX(), slipY()) / (7 * slidingDeceleration);
            case ROLLING -> Planar.length(vx, vy) / rollingDeceleration;
            case SPINNING -> Math.abs(wz) / spinDeceleration;
            case STOPPED -> Double.POSITIVE_INFINITY;
        };
    }

    /** The centre's acceleration in this phase (constant until the phase ends). */
    double ax() {
        return switch (motion) {
            case SLIDING -> -slidingDeceleration * slipX() / Planar.length(slipX(), slipY());
            case ROLLING -> -rollingDeceleration * vx / Planar.length(vx, vy);
            default -> 0;
        };
    }

    double ay() {
        return switch (motion) {
            case SLIDING -> -slidingDeceleration * slipY() / Planar.length(slipX(), slipY());
            case ROLLING -> -rollingDeceleration * vy / Planar.length(vx, vy);
            default -> 0;
        };
    }

    /** Moves the ball dt seconds along its current phase (dt no longer than the phase lasts). */
    void advance(double dt) {
        if (dt <= 0) {
            return;
        }
        double ax = ax();
        double ay = ay();
        if (motion == Motion.SLIDING) {
            double slip = Planar.length(slipX(), slipY());
            double turn = 5 * slidingDeceleration / (2 * radius) * dt;
            double ux = slipX() / slip;
            double uy = slipY() / slip;
            wx += turn * uy;
            wy -= turn * ux;
        }
        x += vx * dt + 0.5 * ax * dt * dt;
        y += vy * dt + 0.5 * ay * dt * dt;
        vx += ax * dt;
        vy += ay * dt;
        if (motion == Motion.ROLLING) {
            lockRolling();
        }
        wz = Math.copySign(Math.max(0, Math.abs(wz) - spinDeceleration * dt), wz);
    }

    /** Ends the phase that has run out: the slip or the speed or the spin is exactly zero now. */
    void endPhase() {
        switch (motion) {
            case SLIDING -> lockRolling();
            case ROLLING -> {
                vx = 0;
                vy = 0;
            }
            case SPINNING -> wz = 0;
            case STOPPED -> {
            }
        }
        classify();
    }

    /** How fast the ball goes or its cloth contact turns, whichever is more (mm/s). */
    double speed() {
        return Math.max(Planar.length(vx, vy), radius * Planar.length(wx, wy));
    }

    /** Stops the ball where it is. */
    void settle() {
        vx = 0;
        vy = 0;
        wx = 0;
        wy = 0;
        wz = 0;
        classify();
    }

    /** Kinetic energy per unit mass (translation and rotation), mm²/s². */
    double energyPerMass() {
        double inertiaPerMass = 0.4 * radius * radius;
        return 0.5 * (vx * vx + vy * vy) + 0.5 * inertiaPerMass * (wx * wx + wy * wy + wz * wz);
    }

    BallState state() {
        return new BallState(id, x, y, vx, vy, wx, wy, wz);
    }

    private double slipX() {
        return vx + radius * wy;
    }

    private double slipY() {
        return vy - radius * wx;
    }

    private void lockRolling() {
        wx = vy / radius;
        wy = -vx / radius;
    }
}

package io.cuecast.physics;

/**
 * One ball as the event-based engine takes it: position (table mm), velocity (mm/s) and angular
 * velocity (rad/s) about the table axes x (right), y (down) and z (into the slate). A cue's tip
 * offset gives the cue ball ω: follow and draw about the horizontal axis across its path, side
 * about z.
 */
public record BallState(int id, double x, double y, double vx, double vy, double wx, double wy, double wz) {

    public BallState {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(vx) && Double.isFinite(vy)
                && Double.isFinite(wx) && Double.isFinite(wy) && Double.isFinite(wz))) {
            throw new IllegalArgumentException("ball " + id + " needs finite position and velocities");
        }
    }

    /** A ball at rest at (x, y). */
    public static BallState atRest(int id, double x, double y) {
        return new BallState(id, x, y, 0, 0, 0, 0, 0);
    }
}

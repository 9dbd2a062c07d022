package io.cuecast.physics;

/**
 * One ball as the simulator keeps it between frames: where it is (table millimetres), how fast it
 * goes (mm/s), how fast it turns (rad/s, about the table axes as in {@link BallState}), how it is
 * turned, and whether it has dropped into a pocket. {@link EventPhysics} moves it: the simulator
 * samples a {@link ShotTimeline} each frame and {@link #follow follows} it. A pocketed ball is out of
 * play until it is {@link #placeAt placed} again.
 */
public final class BallBody {
    private final int number;
    private double x;
    private double y;
    private double vx;
    private double vy;
    private double wx;
    private double wy;
    private double wz;
    private boolean pocketed;
    private Orientation orientation;

    public BallBody(int number, double x, double y, Orientation orientation) {
        this.number = number;
        this.x = x;
        this.y = y;
        this.orientation = orientation;
    }

    public int number() {
        return number;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double vx() {
        return vx;
    }

    public double vy() {
        return vy;
    }

    public boolean isPocketed() {
        return pocketed;
    }

    public Orientation orientation() {
        return orientation;
    }

    /** The ball as the engine takes it: id, position, velocity and spin. */
    public BallState state() {
        return new BallState(number, x, y, vx, vy, wx, wy, wz);
    }

    /**
     * Moves the ball to where the engine has it {@code dtSeconds} later, and turns it by its mean
     * angular velocity over that time (exact for a ball that rolls in a straight line, close enough
     * to draw when the spin changes).
     */
    public void follow(BallState next, double dtSeconds) {
        double ax = (wx + next.wx()) / 2;
        double ay = (wy + next.wy()) / 2;
        double az = (wz + next.wz()) / 2;
        double rate = Math.sqrt(ax * ax + ay * ay + az * az);
        if (rate > 0) {
            orientation = orientation.rotatedBy(ax / rate, ay / rate, az / rate, rate * dtSeconds);
        }
        x = next.x();
        y = next.y();
        vx = next.vx();
        vy = next.vy();
        wx = next.wx();
        wy = next.wy();
        wz = next.wz();
    }

    /** Puts the ball, at rest, on the table at (x, y); this also brings a pocketed ball back. */
    public void placeAt(double x, double y) {
        this.x = x;
        this.y = y;
        stop();
        pocketed = false;
    }

    /** The ball dropped: it is out of play. */
    public void dropIntoPocket() {
        pocketed = true;
        stop();
    }

    private void stop() {
        vx = 0;
        vy = 0;
        wx = 0;
        wy = 0;
        wz = 0;
    }

    @Override
    public String toString() {
        return String.format("ball %d at (%.1f, %.1f) mm, v (%.1f, %.1f) mm/s%s",
                number, x, y, vx, vy, pocketed ? ", pocketed" : "");
    }
}

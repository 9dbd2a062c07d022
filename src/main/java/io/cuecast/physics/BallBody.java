package io.cuecast.physics;

/**
 * One ball as the physics moves it: where it is (table millimetres), how fast it goes (mm/s), how
 * it is turned, and whether it has dropped into a pocket. A pocketed ball is out of play: the
 * physics no longer moves it until it is {@link #placeAt placed} again.
 */
public final class BallBody {
    private final int number;
    private double x;
    private double y;
    private double vx;
    private double vy;
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

    public double speed() {
        return Math.hypot(vx, vy);
    }

    public boolean isMoving() {
        return !pocketed && (vx != 0 || vy != 0);
    }

    public boolean isPocketed() {
        return pocketed;
    }

    public Orientation orientation() {
        return orientation;
    }

    /** Gives the ball a velocity, as a cue strike does. */
    public void setVelocity(double vx, double vy) {
        this.vx = vx;
        this.vy = vy;
    }

    /** Puts the ball, at rest, on the table at (x, y); this also brings a pocketed ball back. */
    public void placeAt(double x, double y) {
        moveTo(x, y);
        setVelocity(0, 0);
        pocketed = false;
    }

    void moveTo(double x, double y) {
        this.x = x;
        this.y = y;
    }

    void turnTo(Orientation orientation) {
        this.orientation = orientation;
    }

    void dropIntoPocket() {
        pocketed = true;
        setVelocity(0, 0);
    }

    @Override
    public String toString() {
        return String.format("ball %d at (%.1f, %.1f) mm, v (%.1f, %.1f) mm/s%s",
                number, x, y, vx, vy, pocketed ? ", pocketed" : "");
    }
}

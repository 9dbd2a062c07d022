package io.cuecast.state;

/**
 * A Kalman filter for one axis of a ball's motion under constant acceleration: position (mm),
 * velocity (mm/s) and acceleration (mm/s²), driven by white-noise jerk, measured in position only.
 * A rolling ball slows at a nearly constant rate, which this model follows without lag; the sudden
 * changes (a strike, a collision, a cushion) are left to {@link #restart}, which the track calls
 * when a measurement is too far from the prediction for the model to explain.
 */
final class AxisFilter {
    private double position;
    private double velocity;
    private double acceleration;
    /** The covariance, symmetric: p[i][j] for position 0, velocity 1, acceleration 2. */
    private final double[][] p = new double[3][3];

    AxisFilter(double measuredMm, double measurementVariance) {
        restart(measuredMm, 0, measurementVariance, 1);
    }

    /**
     * Forgets the motion: the ball is at {@code measuredMm} moving at {@code velocity}, that
     * velocity as uncertain as a difference of two measurements {@code dt} apart, acceleration unknown.
     */
    void restart(double measuredMm, double velocity, double measurementVariance, double dt) {
        position = measuredMm;
        this.velocity = velocity;
        acceleration = 0;
        for (double[] row : p) {
            java.util.Arrays.fill(row, 0);
        }
        p[0][0] = measurementVariance;
        p[1][1] = 2 * measurementVariance / (dt * dt);
        p[2][2] = UNKNOWN_ACCELERATION_VARIANCE;
    }

    /** (2 m/s²)²: far more than rolling friction, so that the first measurements set it. */
    private static final double UNKNOWN_ACCELERATION_VARIANCE = 2000.0 * 2000.0;

    /** Moves the estimate {@code dt} seconds on; {@code jerkDensity} is the jerk noise (mm²/s⁵). */
    void predict(double dt, double jerkDensity) {
        double half = dt * dt / 2;
        position += velocity * dt + acceleration * half;
        velocity += acceleration * dt;
        double[][] f = {{1, dt, half}, {0, 1, dt}, {0, 0, 1}};
        double[][] fp = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                fp[i][j] = f[i][0] * p[0][j] + f[i][1] * p[1][j] + f[i][2] * p[2][j];
            }
        }
        double t2 = dt * dt;
        double t3 = t2 * dt;
        double[][] q = {{t3 * t2 / 20, t2 * t2 / 8, t3 / 6}, {t2 * t2 / 8, t3 / 3, t2 / 2}, {t3 / 6, t2 / 2, dt}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p[i][j] = fp[i][0] * f[j][0] + fp[i][1] * f[j][1] + fp[i][2] * f[j][2] + jerkDensity * q[i][j];
            }
        }
    }

    /** The variance of the next measurement's difference from {@link #position()}. */
    double innovationVariance(double measurementVariance) {
        return p[0][0] + measurementVariance;
    }

    void update(double measuredMm, double measurementVariance) {
        double s = innovationVariance(measurementVariance);
        double innovation = measuredMm - position;
        double[] gain = {p[0][0] / s, p[1][0] / s, p[2][0] / s};
        position += gain[0] * innovation;
        velocity += gain[1] * innovation;
        acceleration += gain[2] * innovation;
        double[] firstRow = p[0].clone();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p[i][j] -= gain[i] * firstRow[j];
            }
        }
    }

    /** A ball known to be at rest: no speed, no acceleration, and certain of it. */
    void stop() {
        velocity = 0;
        acceleration = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != 0 || j != 0) {
                    p[i][j] = 0;
                }
            }
        }
    }

    double position() {
        return position;
    }

    double velocity() {
        return velocity;
    }

    double acceleration() {
        return acceleration;
    }
}

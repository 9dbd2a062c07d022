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
        // P = F P Fᵀ + Q with F = [[1, dt, half], [0, 1, dt], [0, 0, 1]], written out: this runs
        // for every ball in every frame.
        double p00 = p[0][0];
        double p01 = p[0][1];
        double p02 = p[0][2];
        double p11 = p[1][1];
        double p12 = p[1][2];
        double p22 = p[2][2];
        double t2 = dt * dt;
        double t3 = t2 * dt;
        double n00 = p00 + 2 * dt * p01 + 2 * half * p02 + t2 * p11 + 2 * dt * half * p12 + half * half * p22;
        double n01 = p01 + dt * p11 + half * p12 + dt * (p02 + dt * p12 + half * p22);
        double n02 = p02 + dt * p12 + half * p22;
        double n11 = p11 + 2 * dt * p12 + t2 * p22;
        double n12 = p12 + dt * p22;
        set(0, 0, n00 + jerkDensity * t3 * t2 / 20);
        set(0, 1, n01 + jerkDensity * t2 * t2 / 8);
        set(0, 2, n02 + jerkDensity * t3 / 6);
        set(1, 1, n11 + jerkDensity * t3 / 3);
        set(1, 2, n12 + jerkDensity * t2 / 2);
        set(2, 2, p22 + jerkDensity * dt);
    }

    private void set(int i, int j, double value) {
        p[i][j] = value;
        p[j][i] = value;
    }

    /** The variance of the next measurement's difference from {@link #position()}. */
    double innovationVariance(double measurementVariance) {
        return p[0][0] + measurementVariance;
    }

    void update(double measuredMm, double measurementVariance) {
        double s = innovationVariance(measurementVariance);
        double innovation = measuredMm - position;
        double g0 = p[0][0] / s;
        double g1 = p[1][0] / s;
        double g2 = p[2][0] / s;
        position += g0 * innovation;
        velocity += g1 * innovation;
        acceleration += g2 * innovation;
        double p00 = p[0][0];
        double p01 = p[0][1];
        double p02 = p[0][2];
        set(0, 0, p00 - g0 * p00);
        set(0, 1, p01 - g0 * p01);
        set(0, 2, p02 - g0 * p02);
        set(1, 1, p[1][1] - g1 * p01);
        set(1, 2, p[1][2] - g1 * p02);
        set(2, 2, p[2][2] - g2 * p02);
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

package io.cuecast.state;

import java.util.OptionalLong;

/**
 * Where a ball was seen in its last frames, for telling when it comes to rest. A rolling ball slows
 * at a nearly constant rate, so a parabola through the newest positions gives its speed now without
 * the lag of a filter that has to forget a sliding ball's twenty times stronger deceleration (which
 * called balls at rest at 130 mm/s), and with less noise than a difference of a few positions.
 */
final class RecentPath {
    /** Two seconds at 30 fps: the last 25 mm/s of a roll take a quarter of that, the fit averages the rest. */
    static final int CAPACITY = 60;
    /** Fewer points than this would let a parabola follow the noise: a line is fitted to them instead. */
    private static final int FEWEST_POINTS = 8;
    /** A ball that stopped dead (against another) is still after this many points, by a line through them. */
    private static final int FEWEST_FOR_A_LINE = 4;
    /**
     * A rolling ball slows by about 0.1 m/s² (μr g), a sliding one by about 2 m/s² (μs g): a parabola
     * that slows faster than this spans a slide, where the speed falls too fast to extrapolate.
     */
    private static final double ROLLING_AT_MOST_MM_S2 = 600;
    /**
     * Points further from the parabola than this many noise deviations, on average, are from more
     * than one motion (a slow ball's bounce off a cushion bends its path by only a millimetre or two).
     */
    private static final double MISFIT_SIGMAS = 1.5;
    /**
     * The newest points alone, which the speed now rests on, must be this close too: a ball just hit
     * moves off a long still or rolling history by a few points the average over all would hide. So
     * must the oldest: a cushion that the tracker did not tell from noise bends the path there, and a
     * fit through both motions dates the ball's rest late.
     */
    private static final double END_MISFIT_SIGMAS = 2;

    /** Standard errors of the speed that must still leave it below the rest speed. */
    private static final double SLOW_SIGMAS = 1;
    /** Standard errors of the speed by which it must be below the rest speed back to a ball's rest. */
    private static final double DATING_SIGMAS = 0.5;

    /** When each point was seen, epoch microseconds. */
    private final long[] t = new long[CAPACITY];
    private final double[] x = new double[CAPACITY];
    private final double[] y = new double[CAPACITY];
    private int count;
    private int next;

    void clear() {
        count = 0;
        next = 0;
    }

    void add(long seenAtUs, double xMm, double yMm) {
        t[next] = seenAtUs;
        x[next] = xMm;
        y[next] = yMm;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /**
     * Since when the ball is slower than {@code restSpeed}: empty unless it surely is now, else when
     * its speed fell below it, judged from the same fit (a ball is told slow only some points after it
     * became so, and a cushion may slow it at once). Surely slower means its speed plus
     * {@value #SLOW_SIGMAS} standard error, from a parabola through the newest points it explains
     * within the noise as a rolling ball, the oldest and newest of them too. After a kick the ball slides,
     * slowing twenty times faster than it rolls, and those first points would drag the speed down; a
     * fit through the few points since a kick is too uncertain to call a ball at rest that is not.
     * Fewer than {@value #FEWEST_POINTS} points get a line. Empty while no {@value #FEWEST_FOR_A_LINE}
     * points or more are so explained: the speed is not known yet.
     */
    OptionalLong slowSinceUs(double restSpeed, double noiseMm) {
        long latest = t[index(0)];
        for (int points = count; points >= FEWEST_FOR_A_LINE; points--) {
            boolean parabola = points >= FEWEST_POINTS;
            Fit fit = fit(latest, points, parabola);
            double[] fx = fit.x();
            double[] fy = fit.y();
            boolean rolling = 2 * Math.hypot(fx[2], fy[2]) <= ROLLING_AT_MOST_MM_S2;
            if (rolling && rmsMiss(fx, fy, latest, 0, points, parabola ? 3 : 2) <= MISFIT_SIGMAS * noiseMm
                    && rmsMiss(fx, fy, latest, 0, FEWEST_FOR_A_LINE, 0) <= END_MISFIT_SIGMAS * noiseMm
                    && rmsMiss(fx, fy, latest, points - FEWEST_FOR_A_LINE, points, 0)
                            <= END_MISFIT_SIGMAS * noiseMm) {
                return slowSince(fit, latest, points, restSpeed, noiseMm);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * When the fit's speed fell below {@code restSpeed}: the oldest of the fitted points from which
     * on it is slower and falls, or none when it is not surely slower at the latest point. Going
     * back, the speed is judged by a smaller margin than at the latest point ({@value #DATING_SIGMAS}
     * standard errors): that one would date a ball's rest as late as the frame it is told in.
     */
    private OptionalLong slowSince(Fit fit, long latest, int points, double restSpeed, double noiseMm) {
        if (fittedSpeed(fit, 0) + SLOW_SIGMAS * speedError(fit, 0, noiseMm) >= restSpeed) {
            return OptionalLong.empty();
        }
        long since = latest;
        double newerSpeed = fittedSpeed(fit, 0);
        for (int k = 1; k < points; k++) {
            double tau = tau(index(k), latest);
            double speed = fittedSpeed(fit, tau);
            if (speed + DATING_SIGMAS * speedError(fit, tau, noiseMm) >= restSpeed || speed < newerSpeed) {
                break;
            }
            since = t[index(k)];
            newerSpeed = speed;
        }
        return OptionalLong.of(since);
    }

    private static double fittedSpeed(Fit fit, double tau) {
        return Math.hypot(fit.x()[1] + 2 * fit.x()[2] * tau, fit.y()[1] + 2 * fit.y()[2] * tau);
    }

    /** The standard error of the fitted speed at {@code tau}. */
    private static double speedError(Fit fit, double tau, double noiseMm) {
        double[] gradient = fit.normal().length == 3 ? new double[] {0, 1, 2 * tau} : new double[] {0, 1};
        return noiseMm * Math.sqrt(varianceAlong(fit.normal(), gradient));
    }

    /** Seconds from the latest point back to point {@code i} (negative). */
    private double tau(int i, long latest) {
        return (t[i] - latest) / 1e6;
    }

    /**
     * The root mean square distance from the curve of the {@code from}-th to the {@code to}-th newest
     * points (exclusive), per axis, over the degrees of freedom left once {@code parameters} per axis
     * were fitted to them.
     */
    private double rmsMiss(double[] fx, double[] fy, long latest, int from, int to, int parameters) {
        double squares = 0;
        for (int k = from; k < to; k++) {
            int i = index(k);
            double tau = tau(i, latest);
            double dx = x[i] - (fx[0] + fx[1] * tau + fx[2] * tau * tau);
            double dy = y[i] - (fy[0] + fy[1] * tau + fy[2] * tau * tau);
            squares += dx * dx + dy * dy;
        }
        return Math.sqrt(squares / (2 * (to - from - parameters)));
    }

    /** The k-th newest point's index. */
    private int index(int k) {
        return (next - 1 - k + 2 * CAPACITY) % CAPACITY;
    }

    /**
     * Least squares of x and y each as a + b τ + c τ² (c = 0 for a line) over the newest points, τ the
     * time before the latest: {a, b, c} per axis, and the normal equations' matrix they share.
     */
    private record Fit(double[] x, double[] y, double[][] normal) {
    }

    private Fit fit(long latest, int points, boolean parabola) {
        int n = parabola ? 3 : 2;
        double[][] normal = new double[n][n];
        double[] rhsX = new double[n];
        double[] rhsY = new double[n];
        for (int k = 0; k < points; k++) {
            int i = index(k);
            double tau = tau(i, latest);
            double[] basis = {1, tau, tau * tau};
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    normal[r][c] += basis[r] * basis[c];
                }
                rhsX[r] += basis[r] * x[i];
                rhsY[r] += basis[r] * y[i];
            }
        }
        return new Fit(asParabola(solve(normal, rhsX)), asParabola(solve(normal, rhsY)), normal);
    }

    /** {a, b, c} from a parabola's coefficients or a line's, whose c is 0. */
    private static double[] asParabola(double[] solved) {
        return solved.length == 3 ? solved : new double[] {solved[0], solved[1], 0};
    }

    /** gᵀ N⁻¹ g: the variance of the coefficients' combination g per unit noise variance. */
    private static double varianceAlong(double[][] normal, double[] g) {
        double[] solved = solve(normal, g);
        double variance = 0;
        for (int k = 0; k < g.length; k++) {
            variance += g[k] * solved[k];
        }
        return variance;
    }

    /** Gaussian elimination of a small, well-conditioned system, leaving its arguments as they were. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] m = new double[n][n + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(matrix[r], 0, m[r], 0, n);
            m[r][n] = rhs[r];
        }
        for (int p = 0; p < n; p++) {
            for (int r = p + 1; r < n; r++) {
                double f = m[r][p] / m[p][p];
                for (int c = p; c <= n; c++) {
                    m[r][c] -= f * m[p][c];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * s[c];
            }
            s[r] = sum / m[r][r];
        }
        return s;
    }
}

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

    /** Rolling to a stop, a ball this many creep distances from it (see {@link #cameToRestUs}) is at twice the rest speed. */
    private static final double APPROACH = 4;
    /** How many positions {@link #cameToRestUs} averages: where the ball stopped, and each before it. */
    private static final int AVERAGED = 3;

    /** Standard errors of the speed that must still leave it below the rest speed. */
    private static final double SLOW_SIGMAS = 1;
    /** Standard errors of the speed by which it must be below the rest speed back to a ball's rest. */
    private static final double DATING_SIGMAS = 0.5;

    /** Indices into a row of {@link #sums}: the normal equations' products of 1, τ and τ², of x and y with them, x² and y². */
    private static final int TT00 = 0, TT01 = 1, TT02 = 2, TT11 = 3, TT12 = 4, TT22 = 5, X0 = 6, Y0 = 9, XX = 12, YY = 13;
    private static final int SUM_TERMS = 14;
    /** Where each entry of the normal equations' matrix is in a row of sums. */
    private static final int[][] NORMAL_TERMS = {{TT00, TT01, TT02}, {TT01, TT11, TT12}, {TT02, TT12, TT22}};
    /**
     * A misfit worked out from the sums loses digits to cancellation (about 1e-14 of the summed
     * squares); one within this fraction of them from its bound is measured point by point instead.
     */
    private static final double CANCELLATION_SLACK = 1e-9;

    /** When each point was seen, epoch microseconds. */
    private final long[] t = new long[CAPACITY];
    private final double[] x = new double[CAPACITY];
    private final double[] y = new double[CAPACITY];
    private int count;
    private int next;
    /**
     * Running sums over the newest points, from the latest back: row k sums the k newest. Every fit
     * {@link #slowSinceUs} tries is over the newest points, so one pass gives them all, each summed
     * in the same order as a pass of its own would (the same bits), where a pass per fit made the
     * tracker's cost grow with the square of the path (bench/RESULTS.md, TrackingBenchmark).
     */
    private final double[][] sums = new double[CAPACITY + 1][SUM_TERMS];
    /** The augmented matrix {@link #solveBoth} eliminates in: the normal equations and both right-hand sides. */
    private final double[][] elimination = new double[3][5];
    /** The fit being tried, reused from one number of points to the next. */
    private final double[] fitX = new double[3];
    private final double[] fitY = new double[3];

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
        sumFromLatest(latest);
        for (int points = count; points >= FEWEST_FOR_A_LINE; points--) {
            boolean parabola = points >= FEWEST_POINTS;
            double[] fx = fitX;
            double[] fy = fitY;
            solveBoth(points, parabola, fx, fy);
            boolean rolling = 4 * (fx[2] * fx[2] + fy[2] * fy[2]) <= ROLLING_AT_MOST_MM_S2 * ROLLING_AT_MOST_MM_S2;
            if (rolling && mayMissWithin(fx, fy, points, parabola ? 3 : 2, MISFIT_SIGMAS * noiseMm)
                    && rmsMiss(fx, fy, latest, 0, points, parabola ? 3 : 2) <= MISFIT_SIGMAS * noiseMm
                    && rmsMiss(fx, fy, latest, 0, FEWEST_FOR_A_LINE, 0) <= END_MISFIT_SIGMAS * noiseMm
                    && rmsMiss(fx, fy, latest, points - FEWEST_FOR_A_LINE, points, 0)
                            <= END_MISFIT_SIGMAS * noiseMm) {
                Fit fit = new Fit(fx.clone(), fy.clone(), normal(points, parabola));
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

    /**
     * When a ball that has stopped came to rest, judged after the fact from where it stopped, with
     * no speed (a fit gives one a few frames late, and uncertain near the rest speed). Rolling to a
     * stop at a ({@link TrackingLimits#ROLLING_DECELERATION_MM_S2}), a ball at speed v is v² / 2a from
     * where it stops: it fell through the rest speed at the creep distance
     * ({@link TrackingLimits#creepDistanceMm}), and a ball stopped dead by
     * another was farther until it was hit. First, the newest point after one still that far,
     * positions averaged {@value #AVERAGED} at a time against the noise (at 1 mm, one point in 40 at
     * the stop reads over 3 mm from it); then again from where it stopped averaged over every point
     * from a creep time after that, when it had surely stopped creeping. A ball that rolled in says
     * more: each of its points from one to {@value #APPROACH} creep distances out dates the stop
     * √(2d / a) later, and their mean less the creep time is the rest: only the points since its
     * last kick, as those before are of another motion, or of where it lay before it was hit.
     * Empty with too few points.
     */
    OptionalLong cameToRestUs(TrackingLimits limits, long kickedAtUs) {
        if (count < AVERAGED + 1) {
            return OptionalLong.empty();
        }
        double creepDistanceMm = limits.creepDistanceMm();
        long creepUs = limits.creepUs();
        long rest = lastFarFrom(AVERAGED, creepDistanceMm);
        int stopped = newestSince(rest + creepUs);
        if (stopped > AVERAGED) {
            rest = lastFarFrom(stopped, creepDistanceMm);
        }
        OptionalLong stop = stopOfTheRollIn(Math.max(stopped, AVERAGED), newestSince(kickedAtUs), creepDistanceMm);
        return OptionalLong.of(stop.isPresent() ? stop.getAsLong() - creepUs : rest);
    }

    /** How many of the newest points were seen at or after {@code sinceUs}. */
    private int newestSince(long sinceUs) {
        int points = 0;
        while (points < count && t[index(points)] >= sinceUs) {
            points++;
        }
        return points;
    }

    /**
     * When the ball stopped, from its points {@code creepDistanceMm} to {@value #APPROACH} times
     * that from where the newest {@code stopped} points say it did, among the newest {@code points};
     * empty when fewer than {@value #AVERAGED} are (it was stopped dead, or moved less).
     */
    private OptionalLong stopOfTheRollIn(int stopped, int points, double creepDistanceMm) {
        double stopX = mean(x, 0, stopped);
        double stopY = mean(y, 0, stopped);
        double stopsSum = 0;
        double weights = 0;
        int rolling = 0;
        for (int k = stopped; k < points; k++) {
            double distance = Math.hypot(x[index(k)] - stopX, y[index(k)] - stopY);
            if (distance > APPROACH * creepDistanceMm) {
                break;
            }
            if (distance >= creepDistanceMm) {
                // A position's noise moves the stop it dates by noise / speed: weighed by speed², the distance.
                stopsSum += distance * (t[index(k)] + Math.sqrt(2 * distance / TrackingLimits.ROLLING_DECELERATION_MM_S2) * 1e6);
                weights += distance;
                rolling++;
            }
        }
        return rolling < AVERAGED ? OptionalLong.empty() : OptionalLong.of((long) (stopsSum / weights));
    }

    /**
     * The first point after the newest one still {@code creepDistanceMm} or more from where the
     * newest {@code stopped} say the ball stopped; the oldest point when none is.
     */
    private long lastFarFrom(int stopped, double creepDistanceMm) {
        double stopX = mean(x, 0, stopped);
        double stopY = mean(y, 0, stopped);
        for (int k = 1; k + AVERAGED <= count; k++) {
            if (Math.hypot(mean(x, k, AVERAGED) - stopX, mean(y, k, AVERAGED) - stopY) >= creepDistanceMm) {
                return t[index(k + AVERAGED / 2 - 1)];
            }
        }
        return t[index(count - 1)];
    }

    /** The mean of {@code n} of the values, from the k-th newest point back. */
    private double mean(double[] values, int k, int n) {
        double sum = 0;
        for (int j = k; j < k + n; j++) {
            sum += values[index(j)];
        }
        return sum / n;
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

    /** The normal equations' matrix of the fit over the newest {@code points}. */
    private double[][] normal(int points, boolean parabola) {
        int n = parabola ? 3 : 2;
        double[][] normal = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                normal[r][c] = sums[points][NORMAL_TERMS[r][c]];
            }
        }
        return normal;
    }

    /**
     * The fit over the newest {@code points}, {a, b, c} per axis into {@code fx} and {@code fy} (c is 0
     * for a line): {@link #solve} for both right-hand sides at once, on a reused matrix, with the
     * same operations in the same order and so the same results, and nothing allocated.
     */
    private void solveBoth(int points, boolean parabola, double[] fx, double[] fy) {
        double[] sum = sums[points];
        int n = parabola ? 3 : 2;
        double[][] m = elimination;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = sum[NORMAL_TERMS[r][c]];
            }
            m[r][n] = sum[X0 + r];
            m[r][n + 1] = sum[Y0 + r];
        }
        eliminate(m, n, n + 2);
        fx[2] = 0;
        fy[2] = 0;
        backSubstitute(m, n, n, fx);
        backSubstitute(m, n, n + 1, fy);
    }

    /** Forward elimination of an n-row system augmented to {@code columns} columns. */
    private static void eliminate(double[][] m, int n, int columns) {
        for (int p = 0; p < n; p++) {
            for (int r = p + 1; r < n; r++) {
                double f = m[r][p] / m[p][p];
                for (int c = p; c < columns; c++) {
                    m[r][c] -= f * m[p][c];
                }
            }
        }
    }

    private static void backSubstitute(double[][] m, int n, int rhsColumn, double[] s) {
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][rhsColumn];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * s[c];
            }
            s[r] = sum / m[r][r];
        }
    }

    /** Fills {@link #sums}: row k + 1 is row k plus the k-th newest point's terms. */
    private void sumFromLatest(long latest) {
        for (int k = 0; k < count; k++) {
            int i = index(k);
            double tau = tau(i, latest);
            double[] basis = {1, tau, tau * tau};
            double[] before = sums[k];
            double[] after = sums[k + 1];
            after[TT00] = before[TT00] + basis[0] * basis[0];
            after[TT01] = before[TT01] + basis[0] * basis[1];
            after[TT02] = before[TT02] + basis[0] * basis[2];
            after[TT11] = before[TT11] + basis[1] * basis[1];
            after[TT12] = before[TT12] + basis[1] * basis[2];
            after[TT22] = before[TT22] + basis[2] * basis[2];
            for (int r = 0; r < 3; r++) {
                after[X0 + r] = before[X0 + r] + basis[r] * x[i];
                after[Y0 + r] = before[Y0 + r] + basis[r] * y[i];
            }
            after[XX] = before[XX] + x[i] * x[i];
            after[YY] = before[YY] + y[i] * y[i];
        }
    }

    /**
     * Whether the fit's root mean square miss over its points may be within {@code bound}, judged
     * from the sums: false only when it surely is not, so the point-by-point measure decides the rest.
     */
    private boolean mayMissWithin(double[] fx, double[] fy, int points, int parameters, double bound) {
        double[] sum = sums[points];
        double squares = missSquares(fx, sum, X0, XX) + missSquares(fy, sum, Y0, YY);
        double slack = CANCELLATION_SLACK * (sum[XX] + sum[YY]);
        return squares - slack <= bound * bound * 2 * (points - parameters);
    }

    /** Σ (v - (a + b τ + c τ²))², expanded into the sums of v², v τʲ and τʲ. */
    private static double missSquares(double[] abc, double[] sum, int firstMoment, int squareSum) {
        double a = abc[0], b = abc[1], c = abc[2];
        double fitted = a * a * sum[TT00] + b * b * sum[TT11] + c * c * sum[TT22]
                + 2 * (a * b * sum[TT01] + a * c * sum[TT02] + b * c * sum[TT12]);
        double cross = a * sum[firstMoment] + b * sum[firstMoment + 1] + c * sum[firstMoment + 2];
        return sum[squareSum] - 2 * cross + fitted;
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
        eliminate(m, n, n + 1);
        double[] s = new double[n];
        backSubstitute(m, n, n, s);
        return s;
    }
}

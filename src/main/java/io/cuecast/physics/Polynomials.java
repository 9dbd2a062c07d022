package io.cuecast.physics;

/**
 * The first time a contact condition starts to hold, for the event polynomials of the event-based
 * engine: a ball's centre moves as a quadratic in time within one motion phase, so a distance to a
 * line is a quadratic and a squared distance to a point or another ball a quartic.
 *
 * <p>Roots are isolated, not solved in closed form: the roots of the derivative (found the same way,
 * down to the quadratic formula) split the interval into pieces where the polynomial is monotonic,
 * and each piece holds at most one root, found by Newton's method kept inside a shrinking bracket. This is robust where Ferrari's quartic
 * formula loses its digits (near-double roots, grazing contacts, a vanishing leading coefficient).
 */
final class Polynomials {
    /** Bisection stops when the bracket is this small, in seconds. */
    private static final double TIME_TOLERANCE = 1e-11;
    private static final int MAX_DEGREE = 4;

    private Polynomials() {
    }

    /**
     * The first time in [lo, hi] at which p (coefficients lowest power first, at most degree 4) falls
     * to zero or below while decreasing: the moment of contact when p is a gap that shrinks as two
     * things approach. At lo itself that takes a gap of at most zero closing faster than
     * {@code minClosingRate}, so that a contact just resolved (gap zero, no longer closing) is not
     * found again.
     *
     * @return the time, or positive infinity if there is none
     */
    static double firstEntry(double[] p, double lo, double hi, double minClosingRate) {
        if (!(hi >= lo)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] dp = derivative(p);
        if (evaluate(p, lo) <= 0 && evaluate(dp, lo) < -minClosingRate) {
            return lo;
        }
        double a = lo;
        double fa = evaluate(p, lo);
        double[] critical = roots(dp, lo, hi);
        for (int i = 0; i <= critical.length; i++) {
            double b = i < critical.length ? critical[i] : hi;
            double fb = evaluate(p, b);
            if (fa > 0 && fb <= 0) {
                return bisect(p, a, b, fa);
            }
            a = b;
            fa = fb;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The real roots of p in (lo, hi), ascending. */
    static double[] roots(double[] p, double lo, double hi) {
        int degree = degree(p);
        if (degree <= 0) {
            return new double[0];
        }
        if (degree == 1) {
            double root = -p[0] / p[1];
            return root > lo && root < hi ? new double[] {root} : new double[0];
        }
        if (degree == 2) {
            return quadraticRoots(p[0], p[1], p[2], lo, hi);
        }
        double[] critical = roots(derivative(p), lo, hi);
        double[] found = new double[MAX_DEGREE];
        int count = 0;
        double a = lo;
        double fa = evaluate(p, lo);
        for (int i = 0; i <= critical.length; i++) {
            double b = i < critical.length ? critical[i] : hi;
            double fb = evaluate(p, b);
            if (fb == 0 && b < hi) {
                found[count++] = b;
            } else if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
                found[count++] = bisect(p, a, b, fa);
            }
            a = b;
            fa = fb;
        }
        return java.util.Arrays.copyOf(found, count);
    }

    static double evaluate(double[] p, double t) {
        double value = 0;
        for (int k = p.length - 1; k >= 0; k--) {
            value = value * t + p[k];
        }
        return value;
    }

    private static double[] derivative(double[] p) {
        double[] d = new double[Math.max(1, p.length - 1)];
        for (int k = 1; k < p.length; k++) {
            d[k - 1] = k * p[k];
        }
        return d;
    }

    private static int degree(double[] p) {
        int degree = p.length - 1;
        while (degree > 0 && p[degree] == 0) {
            degree--;
        }
        return degree;
    }

    /** Both roots without cancellation (the q form of the quadratic formula). */
    private static double[] quadraticRoots(double c, double b, double a, double lo, double hi) {
        double discriminant = b * b - 4 * a * c;
        if (discriminant < 0) {
            return new double[0];
        }
        double q = -0.5 * (b + Math.copySign(Math.sqrt(discriminant), b));
        double r1 = q / a;
        double r2 = q == 0 ? r1 : c / q;
        double first = Math.min(r1, r2);
        double second = Math.max(r1, r2);
        boolean firstIn = first > lo && first < hi;
        boolean secondIn = second > lo && second < hi && second != first;
        if (firstIn && secondIn) {
            return new double[] {first, second};
        }
        if (firstIn) {
            return new double[] {first};
        }
        return secondIn ? new double[] {second} : new double[0];
    }

    /**
     * The sign change of p in [a, b], where p is monotonic and p(a) = fa: Newton's method, falling
     * back to bisection whenever a step would leave the bracket, which it keeps shrinking.
     */
    private static double bisect(double[] p, double a, double b, double fa) {
        boolean risingFromA = fa < 0;
        double t = 0.5 * (a + b);
        for (int iteration = 0; iteration < 100 && b - a > TIME_TOLERANCE * (1 + Math.abs(a)); iteration++) {
            double value = 0;
            double slope = 0;
            for (int k = p.length - 1; k >= 0; k--) {
                slope = slope * t + value;
                value = value * t + p[k];
            }
            if (value == 0) {
                return t;
            }
            if ((value < 0) == risingFromA) {
                a = t;
            } else {
                b = t;
            }
            double newton = slope != 0 ? t - value / slope : Double.NaN;
            if (newton > a && newton < b) {
                if (Math.abs(newton - t) <= TIME_TOLERANCE * (1 + Math.abs(t))) {
                    return newton;
                }
                t = newton;
            } else {
                t = 0.5 * (a + b);
            }
        }
        return b;
    }
}

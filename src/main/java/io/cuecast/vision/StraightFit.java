package io.cuecast.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * A straight line y = c0 + c1 x through most of a few points: of the lines through each pair, the
 * one with the most points near it, refitted by least squares to those points. A minority of points
 * far off (a ball against the cushion, a cue across it) cannot tilt it, as they tilt a plain fit.
 */
final class StraightFit {
    private StraightFit() {
    }

    /**
     * @param points    (x, y) pairs, at least one
     * @param tolerance how far off the line a point may lie and still count
     * @return {c0, c1}; when no line has half the points near it, the flat line at their median
     */
    static double[] throughMostOf(List<double[]> points, double tolerance) {
        List<double[]> best = points.subList(0, 1);
        double bestMiss = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double[] line = through(points.get(i), points.get(j));
                List<double[]> near = new ArrayList<>();
                double miss = 0;
                for (double[] p : points) {
                    double off = Math.abs(p[1] - line[0] - line[1] * p[0]);
                    if (off <= tolerance) {
                        near.add(p);
                        miss += off;
                    }
                }
                // most points near it; of lines as good, the one they lie nearest
                if (near.size() > best.size() || near.size() == best.size() && miss < bestMiss) {
                    best = near;
                    bestMiss = miss;
                }
            }
        }
        return 2 * best.size() >= points.size() ? leastSquares(best) : new double[] {median(points), 0};
    }

    private static double median(List<double[]> points) {
        double[] ys = points.stream().mapToDouble(p -> p[1]).sorted().toArray();
        return ys[ys.length / 2];
    }

    private static double[] through(double[] p, double[] q) {
        double slope = p[0] == q[0] ? 0 : (q[1] - p[1]) / (q[0] - p[0]);
        return new double[] {p[1] - slope * p[0], slope};
    }

    private static double[] leastSquares(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double spread = n * sxx - sx * sx;
        if (spread == 0) {
            return new double[] {sy / n, 0};
        }
        double slope = (n * sxy - sx * sy) / spread;
        return new double[] {(sy - slope * sx) / n, slope};
    }
}

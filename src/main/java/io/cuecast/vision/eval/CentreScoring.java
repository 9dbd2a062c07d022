package io.cuecast.vision.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Point;

/**
 * Ball-centre scoring for datasets labelled with centres only: each label pairs with at most one
 * detection, closest pairs first, and only within a gate in pixels.
 */
public final class CentreScoring {
    private CentreScoring() {
    }

    /**
     * One image's pairing.
     *
     * @param found   per label, whether a detection took it
     * @param hit     per detection, whether it took a label
     * @param offsets detection minus label of each pair, {dx, dy}, pixels
     */
    public record Pairing(boolean[] found, boolean[] hit, List<double[]> offsets) {
    }

    public static Pairing pair(List<Point> labels, List<Point> detections, double gatePx) {
        List<int[]> candidates = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            for (int d = 0; d < detections.size(); d++) {
                if (distance(labels.get(l), detections.get(d)) <= gatePx) {
                    candidates.add(new int[] {l, d});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(c -> distance(labels.get(c[0]), detections.get(c[1]))));
        boolean[] found = new boolean[labels.size()];
        boolean[] hit = new boolean[detections.size()];
        List<double[]> offsets = new ArrayList<>();
        for (int[] c : candidates) {
            if (!found[c[0]] && !hit[c[1]]) {
                found[c[0]] = true;
                hit[c[1]] = true;
                offsets.add(new double[] {detections.get(c[1]).x - labels.get(c[0]).x,
                    detections.get(c[1]).y - labels.get(c[0]).y});
            }
        }
        return new Pairing(found, hit, offsets);
    }

    /** Pairings of several images summed up. */
    public record Tally(int labels, int detections, List<double[]> offsets) {
        public static Tally of(List<Pairing> pairings) {
            List<double[]> offsets = new ArrayList<>();
            int labels = 0;
            int detections = 0;
            for (Pairing p : pairings) {
                labels += p.found().length;
                detections += p.hit().length;
                offsets.addAll(p.offsets());
            }
            return new Tally(labels, detections, offsets);
        }

        public double recall() {
            return labels == 0 ? Double.NaN : (double) offsets.size() / labels;
        }

        public double precision() {
            return detections == 0 ? Double.NaN : (double) offsets.size() / detections;
        }

        /** Median distance of the matched pairs, pixels; NaN when nothing matched. */
        public double medianError() {
            return errorQuantile(0.5);
        }

        /**
         * The q-quantile (0..1) of the matched pairs' distances, pixels, interpolated linearly
         * between neighbours; NaN when nothing matched.
         */
        public double errorQuantile(double q) {
            double[] sorted = offsets.stream().mapToDouble(o -> Math.hypot(o[0], o[1])).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            double rank = q * (sorted.length - 1);
            int below = (int) Math.floor(rank);
            int above = Math.min(sorted.length - 1, below + 1);
            return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
        }

        /** Mean signed offset along x (axis 0) or y (1): shows a bias that the median distance hides. */
        public double meanOffset(int axis) {
            return offsets.stream().mapToDouble(o -> o[axis]).average().orElse(Double.NaN);
        }
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}

package io.cuecast.vision;

import java.util.function.IntPredicate;

/**
 * The connected pieces of a labelled mask as straight lines: each piece's principal axis through its
 * centroid (from its second moments) and its extent along that axis; and the same for a union of
 * pieces. Coordinates are the label image's pixels.
 */
final class Pieces {
    private final int[] labels;
    private final int cols;
    private final int count;
    private final Line[] lines;

    private Pieces(int[] labels, int cols, int count) {
        this.labels = labels;
        this.cols = cols;
        this.count = count;
        this.lines = fit(label -> true, false);
    }

    /** {@code labels} row by row, {@code cols} wide; label 0 is the background, pieces are 1 to count-1. */
    static Pieces of(int[] labels, int cols, int count) {
        return new Pieces(labels, cols, count);
    }

    int count() {
        return count;
    }

    /** The line of piece {@code label}, or null for a piece too small to have one. */
    Line line(int label) {
        return lines[label];
    }

    /** One line through all the pixels of the pieces marked in {@code chosen}. */
    Line union(boolean[] chosen) {
        return fit(label -> chosen[label], true)[1];
    }

    /**
     * Fits one line per chosen label or, {@code together}, one line to all their pixels (in slot 1).
     */
    private Line[] fit(IntPredicate chosen, boolean together) {
        int slots = together ? 2 : count;
        double[] n = new double[slots];
        double[] sx = new double[slots];
        double[] sy = new double[slots];
        double[] sxx = new double[slots];
        double[] syy = new double[slots];
        double[] sxy = new double[slots];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label == 0 || !chosen.test(label)) {
                continue;
            }
            int slot = together ? 1 : label;
            double x = i % cols;
            double y = i / cols;
            n[slot]++;
            sx[slot] += x;
            sy[slot] += y;
            sxx[slot] += x * x;
            syy[slot] += y * y;
            sxy[slot] += x * y;
        }
        double[] cx = new double[slots];
        double[] cy = new double[slots];
        double[] dx = new double[slots];
        double[] dy = new double[slots];
        double[] tMin = new double[slots];
        double[] tMax = new double[slots];
        for (int s = 1; s < slots; s++) {
            if (n[s] < 2) {
                continue;
            }
            cx[s] = sx[s] / n[s];
            cy[s] = sy[s] / n[s];
            double vxx = sxx[s] / n[s] - cx[s] * cx[s];
            double vyy = syy[s] / n[s] - cy[s] * cy[s];
            double vxy = sxy[s] / n[s] - cx[s] * cy[s];
            double angle = 0.5 * Math.atan2(2 * vxy, vxx - vyy);
            dx[s] = Math.cos(angle);
            dy[s] = Math.sin(angle);
            tMin[s] = Double.MAX_VALUE;
            tMax[s] = -Double.MAX_VALUE;
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label == 0 || !chosen.test(label)) {
                continue;
            }
            int slot = together ? 1 : label;
            if (n[slot] < 2) {
                continue;
            }
            double t = (i % cols - cx[slot]) * dx[slot] + (i / cols - cy[slot]) * dy[slot];
            tMin[slot] = Math.min(tMin[slot], t);
            tMax[slot] = Math.max(tMax[slot], t);
        }
        Line[] fitted = new Line[slots];
        for (int s = 1; s < slots; s++) {
            if (n[s] >= 2) {
                fitted[s] = new Line(cx[s], cy[s], dx[s], dy[s], tMin[s] - 0.5, tMax[s] + 0.5, n[s]);
            }
        }
        return fitted;
    }

    /**
     * A straight piece: its axis through ({@code cx}, {@code cy}) along the unit vector ({@code dx},
     * {@code dy}), reaching from {@code tFrom} to {@code tTo} along it, made of {@code pixels} pixels.
     */
    record Line(double cx, double cy, double dx, double dy, double tFrom, double tTo, double pixels) {
        double length() {
            return tTo - tFrom;
        }

        /** The mean width: pixels over length. */
        double width() {
            return pixels / length();
        }

        double startX() {
            return xAt(tFrom);
        }

        double startY() {
            return yAt(tFrom);
        }

        double endX() {
            return xAt(tTo);
        }

        double endY() {
            return yAt(tTo);
        }

        /** Where (x, y) falls along the axis, as a distance from the centroid. */
        double along(double x, double y) {
            return (x - cx) * dx + (y - cy) * dy;
        }

        double xAt(double t) {
            return cx + dx * t;
        }

        double yAt(double t) {
            return cy + dy * t;
        }

        /** How far (x, y) is from the axis, across it. */
        double distanceTo(double x, double y) {
            return Math.abs(-(x - cx) * dy + (y - cy) * dx);
        }
    }
}

package io.cuecast.vision;

import java.util.Arrays;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * Moves each side of the cloth's outline in to the cushion nose. Cushions are covered in the same
 * cloth as the bed, so the cloth region reaches the rails; but the cushion's slope is darker than the
 * bed (or its nose casts a dark line), so going inward the bed starts where lightness rises most
 * steeply. Where the rise climbs to a highlight (the rounded nose catching the light) and falls back
 * into the nose's shadow on the bed, the nose is at the highlight's crest instead. Each side's lightness profile is averaged
 * along the side, away from the pockets, leaving out the brightest and darkest samples at each inset: a row of balls
 * resting along a cushion, or the cue across it, would otherwise make a steeper rise than the nose.
 */
final class CushionNoseFinder {
    /** Search up to this share of the table's short side inward from the cloth's outline. */
    private static final double MAX_INSET_SHARE = 0.08;
    /** Stretches of each side sampled: clear of the corner and side pockets. */
    private static final double[][] SPANS = {{0.12, 0.38}, {0.62, 0.88}};
    private static final int SAMPLES_PER_SPAN = 40;
    /** Share of the samples at each inset left out at either end before averaging. */
    private static final double TRIMMED_SHARE = 0.3;

    private CushionNoseFinder() {
    }

    /**
     * @param lightness single-channel 8-bit lightness image
     * @param corners   the cloth's outline, clockwise
     * @return the outline moved in to the cushion noses, clockwise, same order
     */
    static Point[] insetToNoses(Mat lightness, Point[] corners) {
        double shortSide = Math.min(distance(corners[0], corners[1]), distance(corners[1], corners[2]));
        int maxInset = (int) Math.ceil(shortSide * MAX_INSET_SHARE);
        double[] insets = new double[4];
        for (int side = 0; side < 4; side++) {
            insets[side] = noseInset(lightness, corners[side], corners[(side + 1) % 4], corners, maxInset);
        }
        double[][] lines = new double[4][];
        for (int side = 0; side < 4; side++) {
            Point a = corners[side];
            Point b = corners[(side + 1) % 4];
            double[] inward = inwardNormal(a, b, corners);
            double length = distance(a, b);
            lines[side] = new double[] {a.x + insets[side] * inward[0], a.y + insets[side] * inward[1],
                (b.x - a.x) / length, (b.y - a.y) / length};
        }
        Point[] moved = new Point[4];
        for (int i = 0; i < 4; i++) {
            // corner i is where side i-1 (i-1 -> i) meets side i (i -> i+1), each moved in to its nose
            moved[i] = ClothOutline.intersection(lines[(i + 3) % 4], lines[i]).orElse(corners[i]);
        }
        return moved;
    }

    private static double noseInset(Mat lightness, Point a, Point b, Point[] corners, int maxInset) {
        double[] inward = inwardNormal(a, b, corners);
        int samplesPerInset = SPANS.length * SAMPLES_PER_SPAN;
        int[][] samples = new int[maxInset + 1][samplesPerInset];
        int[] counts = new int[maxInset + 1];
        byte[] pixel = new byte[1];
        for (double[] span : SPANS) {
            for (int k = 0; k < SAMPLES_PER_SPAN; k++) {
                double t = span[0] + (span[1] - span[0]) * k / (SAMPLES_PER_SPAN - 1);
                double x0 = a.x + t * (b.x - a.x);
                double y0 = a.y + t * (b.y - a.y);
                for (int s = 0; s <= maxInset; s++) {
                    int x = (int) Math.round(x0 + s * inward[0]);
                    int y = (int) Math.round(y0 + s * inward[1]);
                    if (x >= 0 && y >= 0 && x < lightness.cols() && y < lightness.rows()) {
                        lightness.get(y, x, pixel);
                        samples[s][counts[s]++] = pixel[0] & 0xff;
                    }
                }
            }
        }
        double[] profile = new double[maxInset + 1];
        for (int s = 0; s <= maxInset; s++) {
            profile[s] = trimmedMean(samples[s], counts[s]);
        }
        return noseIn(profile);
    }

    /** The mean of the first {@code count} values without the top and bottom {@link #TRIMMED_SHARE}. */
    private static double trimmedMean(int[] values, int count) {
        if (count == 0) {
            return 0;
        }
        Arrays.sort(values, 0, count);
        int trim = (int) (count * TRIMMED_SHARE);
        double sum = 0;
        for (int i = trim; i < count - trim; i++) {
            sum += values[i];
        }
        return sum / (count - 2 * trim);
    }

    /** How far (lightness levels) the bed must dip just past a crest for the crest to be the nose's highlight. */
    private static final double HIGHLIGHT_LEVELS = 2;

    /** The nose: the crest of a highlight right after the steepest rise, else the rise itself. */
    static double noseIn(double[] profile) {
        double rise = steepestRise(profile);
        int from = (int) Math.round(rise);
        int crest = from;
        for (int s = from; s <= Math.min(profile.length - 1, from + 5); s++) {
            crest = profile[s] > profile[crest] ? s : crest;
        }
        double dip = profile[crest];
        for (int s = crest + 1; s <= Math.min(profile.length - 1, crest + 3); s++) {
            dip = Math.min(dip, profile[s]);
        }
        boolean highlight = profile[crest] - dip > HIGHLIGHT_LEVELS;
        return highlight ? subPixelPeak(profile, crest) : rise;
    }

    /** Where the profile rises most steeply, with sub-pixel refinement of the peak. */
    static double steepestRise(double[] profile) {
        int best = -1;
        double bestRise = 0;
        double[] rise = new double[profile.length];
        for (int s = 2; s < profile.length - 2; s++) {
            rise[s] = (profile[s + 1] + profile[s + 2] - profile[s - 1] - profile[s - 2]) / 2;
            if (rise[s] > bestRise) {
                bestRise = rise[s];
                best = s;
            }
        }
        if (best < 0) {
            return 0;
        }
        return subPixelPeak(rise, best);
    }

    /** The vertex of the parabola through a maximum and its two neighbours. */
    private static double subPixelPeak(double[] values, int peak) {
        if (peak <= 0 || peak >= values.length - 1) {
            return peak;
        }
        double left = values[peak - 1];
        double right = values[peak + 1];
        double curvature = left - 2 * values[peak] + right;
        return curvature < 0 ? peak + 0.5 * (left - right) / curvature : peak;
    }

    private static double[] inwardNormal(Point a, Point b, Point[] corners) {
        double length = distance(a, b);
        double nx = -(b.y - a.y) / length;
        double ny = (b.x - a.x) / length;
        double cx = 0;
        double cy = 0;
        for (Point p : corners) {
            cx += p.x / 4;
            cy += p.y / 4;
        }
        double mx = (a.x + b.x) / 2;
        double my = (a.y + b.y) / 2;
        boolean pointsIn = (cx - mx) * nx + (cy - my) * ny > 0;
        return pointsIn ? new double[] {nx, ny} : new double[] {-nx, -ny};
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}

package io.cuecast.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * Moves each side of the cloth's outline in to the cushion nose. Cushions are covered in the same
 * cloth as the bed, so the cloth region reaches the rails; but the cushion's slope is darker than the
 * bed (or its nose casts a dark line), so going inward the bed starts where lightness rises most
 * steeply. Where the rise climbs to a highlight (the rounded nose catching the light) and falls back
 * into the nose's shadow on the bed, the nose is at the highlight's crest instead.
 *
 * <p>Each side is cut into stretches away from the pockets. Each stretch's lightness profile is
 * averaged leaving out the brightest and darkest samples at each inset (a ball resting against the
 * cushion, or the cue across it, would otherwise make a steeper rise than the nose), and a straight
 * line is fitted through the stretches' noses, so that a nose leaning from the outline's side is
 * followed and a stretch a ball or a cue still fooled is outvoted.
 */
final class CushionNoseFinder {
    /** Search up to this share of the table's short side inward from the cloth's outline. */
    private static final double MAX_INSET_SHARE = 0.08;
    /** Stretches of each side sampled: clear of the corner and side pockets. */
    private static final double[][] SPANS = {{0.12, 0.38}, {0.62, 0.88}};
    /** Each span is cut into stretches, each with its own nose, so that a nose line can lean. */
    private static final int CHUNKS_PER_SPAN = 4;
    private static final int SAMPLES_PER_CHUNK = 12;
    /** A stretch's nose this far off the line through the others is a ball or a cue on the cushion. */
    private static final double OUTLIER_PX = 1;
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
        double[][] lines = new double[4][];
        for (int side = 0; side < 4; side++) {
            lines[side] = noseLine(lightness, corners[side], corners[(side + 1) % 4], corners, maxInset);
        }
        Point[] moved = new Point[4];
        for (int i = 0; i < 4; i++) {
            // corner i is where side i-1 (i-1 -> i) meets side i (i -> i+1), each moved in to its nose
            moved[i] = ClothOutline.intersection(lines[(i + 3) % 4], lines[i]).orElse(corners[i]);
        }
        return moved;
    }

    /**
     * The nose along side a -> b as a line (a point and a unit direction): the nose found in each
     * stretch of the side, and a straight line fitted through those, so that a nose that does not
     * run parallel to the outline's side (a region's outline is only roughly straight) is followed.
     */
    private static double[] noseLine(Mat lightness, Point a, Point b, Point[] corners, int maxInset) {
        double[] inward = inwardNormal(a, b, corners);
        List<double[]> noses = new ArrayList<>();
        for (double[] span : SPANS) {
            for (int chunk = 0; chunk < CHUNKS_PER_SPAN; chunk++) {
                double from = span[0] + (span[1] - span[0]) * chunk / CHUNKS_PER_SPAN;
                double to = span[0] + (span[1] - span[0]) * (chunk + 1) / CHUNKS_PER_SPAN;
                noses.add(new double[] {(from + to) / 2, noseIn(profile(lightness, a, b, inward, from, to, maxInset))});
            }
        }
        double[] fit = StraightFit.throughMostOf(noses, OUTLIER_PX);
        double atA = fit[0];
        double atB = fit[0] + fit[1];
        Point start = new Point(a.x + atA * inward[0], a.y + atA * inward[1]);
        Point end = new Point(b.x + atB * inward[0], b.y + atB * inward[1]);
        double length = distance(start, end);
        return new double[] {start.x, start.y, (end.x - start.x) / length, (end.y - start.y) / length};
    }

    /** The trimmed mean lightness at each inset 0..maxInset, over the stretch [from, to] of side a -> b. */
    private static double[] profile(Mat lightness, Point a, Point b, double[] inward, double from, double to, int maxInset) {
        int[][] samples = new int[maxInset + 1][SAMPLES_PER_CHUNK];
        int[] counts = new int[maxInset + 1];
        byte[] pixel = new byte[1];
        for (int k = 0; k < SAMPLES_PER_CHUNK; k++) {
            double t = from + (to - from) * k / (SAMPLES_PER_CHUNK - 1);
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
        double[] profile = new double[maxInset + 1];
        for (int s = 0; s <= maxInset; s++) {
            profile[s] = trimmedMean(samples[s], counts[s]);
        }
        return profile;
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
    /** Lightness levels per pixel that still count as climbing from the rail onto the cushion. */
    private static final double CLIMB_LEVELS = 2;
    /** At most this many pixels of rail start a profile: where a bounding rectangle pokes past the cloth. */
    private static final int MAX_RAIL_PX = 8;
    /** A profile starting below this share of its median starts on the rail's wood, not on cloth. */
    private static final double RAIL_SHARE_OF_CLOTH = 0.75;

    /** The nose: the crest of a highlight right after the steepest rise, else the rise itself. */
    static double noseIn(double[] profile) {
        double rise = steepestRise(profile, pastTheRail(profile));
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

    /**
     * Where a profile that starts on the rail's dark wood has climbed onto the cushion's cloth, else 0.
     * That climb is the steepest of all and is not the nose.
     */
    static int pastTheRail(double[] profile) {
        double[] sorted = profile.clone();
        Arrays.sort(sorted);
        double railBelow = RAIL_SHARE_OF_CLOTH * sorted[sorted.length / 2];
        if (profile[0] >= railBelow) {
            return 0;
        }
        int s = 0;
        while (s < Math.min(MAX_RAIL_PX, profile.length - 1)
                && (profile[s] < railBelow || profile[s + 1] - profile[s] > CLIMB_LEVELS)) {
            s++;
        }
        return s;
    }

    /** Where the profile rises most steeply from {@code from} on, with sub-pixel refinement of the peak. */
    static double steepestRise(double[] profile, int from) {
        int best = -1;
        double bestRise = 0;
        double[] rise = new double[profile.length];
        for (int s = from + 2; s < profile.length - 2; s++) {
            rise[s] = (profile[s + 1] + profile[s + 2] - profile[s - 1] - profile[s - 2]) / 2;
            if (rise[s] > bestRise) {
                bestRise = rise[s];
                best = s;
            }
        }
        if (best < 0) {
            return from;
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

package io.cuecast.vision;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * Follows the cue stick on past the playing area, over the cushion and the rail. There it is not told
 * from the cloth but from what lies beside it: across a stick, its middle differs in colour from both
 * its sides, while across a rail's edge, a sight or a pocket that does not hold for long. The stick's
 * middle is found anew at each step, so a line found a little askew on the cloth still follows it.
 */
final class BeyondTheCloth {
    /** How far past the playing area's edge to look: over the cushion, the rail and a bridge hand on it. */
    private static final double REACH_MM = 250;
    /** Where beside the line its surroundings are looked at: past half a butt's width (about 15 mm). */
    private static final double BESIDE_MM = 30;
    /** How far across the line the stick's middle is looked for at each step. */
    private static final double ACROSS_MM = 12;
    /** A colour step (BGR distance) this large to both sides is the stick standing out. */
    private static final int MIN_STEP_SQUARED = 40 * 40;
    /** Where {@link #mayLieAlong} looks, evenly along the reach, and how many must show a stick. */
    private static final int PROBES = 6;
    private static final int PROBES_STANDING_OUT = 3;
    /** What {@link #offsetStandingOut} returns where a side lies outside the patch. */
    private static final double OUT_OF_PATCH = Double.NEGATIVE_INFINITY;
    /** How much of the stick must stand out to be there at all. */
    private static final double MIN_SEEN_MM = 70;

    private BeyondTheCloth() {
    }

    /** The pixels {@link #middles} may read when it starts within {@code startsWithinPx} of (x, y). */
    static BgrPatch patchFor(Mat bgr, double x, double y, double startsWithinPx, double pxPerMm) {
        return BgrPatch.around(bgr, x, y, startsWithinPx + (REACH_MM + BESIDE_MM + ACROSS_MM) * pxPerMm + 1);
    }

    /**
     * Whether a stick may lie along the ray from (x, y) in the unit direction (dx, dy), judged at a few
     * points along it without following it: {@link #middles} at a fraction of its cost, for a search
     * over many rays, most of which hold no stick.
     */
    static boolean mayLieAlong(BgrPatch patch, double x, double y, double dx, double dy, double pxPerMm) {
        double beside = BESIDE_MM * pxPerMm;
        int across = (int) Math.ceil(ACROSS_MM * pxPerMm);
        int standingOut = 0;
        for (int probe = 1; probe <= PROBES; probe++) {
            double along = probe * REACH_MM / (PROBES + 1) * pxPerMm;
            double offset = offsetStandingOut(patch, x + dx * along, y + dy * along, dx, dy, beside, across);
            standingOut += Double.isFinite(offset) ? 1 : 0;
        }
        return standingOut >= PROBES_STANDING_OUT;
    }

    /**
     * The stick's middle, image pixels, one point per pixel of the way out from (x, y) along the unit
     * direction (dx, dy) where it stands out from both its sides; none when less than
     * {@code minSeenMm} of it does (and less than {@value #MIN_SEEN_MM} mm is too little to say a
     * stick lies there). The pixels are read from {@code patch} ({@link #patchFor}).
     */
    static List<Point> middles(BgrPatch patch, double x, double y, double dx, double dy, double pxPerMm,
                               double minSeenMm) {
        double beside = BESIDE_MM * pxPerMm;
        int across = (int) Math.ceil(ACROSS_MM * pxPerMm);
        int steps = (int) Math.round(REACH_MM * pxPerMm);
        int needed = (int) Math.ceil(Math.max(MIN_SEEN_MM, minSeenMm) * pxPerMm);
        List<Point> middles = new ArrayList<>();
        double px = x;
        double py = y;
        for (int step = 0; step < steps && middles.size() + steps - step >= needed; step++) {
            px += dx;
            py += dy;
            double offset = offsetStandingOut(patch, px, py, dx, dy, beside, across);
            if (offset == OUT_OF_PATCH) {
                break;
            }
            if (Double.isFinite(offset)) {
                px -= dy * offset;
                py += dx * offset;
                middles.add(new Point(px, py));
            }
        }
        return middles.size() >= needed ? middles : List.of();
    }

    /**
     * Across the line at (px, py), the mean offset (pixels, to the right of the direction) of what
     * stands out from both sides; NaN when nothing does, {@link #OUT_OF_PATCH} when a side is outside.
     */
    private static double offsetStandingOut(BgrPatch patch, double px, double py, double dx, double dy, double beside,
                                            int across) {
        int left = patch.colourAt(px + dy * beside, py - dx * beside);
        int right = patch.colourAt(px - dy * beside, py + dx * beside);
        if (left == BgrPatch.OUTSIDE || right == BgrPatch.OUTSIDE) {
            return OUT_OF_PATCH;
        }
        int sum = 0;
        int standingOut = 0;
        for (int offset = -across; offset <= across; offset++) {
            int middle = patch.colourAt(px - dy * offset, py + dx * offset);
            if (middle != BgrPatch.OUTSIDE && BgrPatch.distanceSquared(middle, left) >= MIN_STEP_SQUARED
                    && BgrPatch.distanceSquared(middle, right) >= MIN_STEP_SQUARED) {
                sum += offset;
                standingOut++;
            }
        }
        return standingOut == 0 ? Double.NaN : (double) sum / standingOut;
    }
}

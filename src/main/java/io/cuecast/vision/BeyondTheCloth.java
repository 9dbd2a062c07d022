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
    private static final double MIN_STEP = 40;
    /** How much of the stick must stand out to be there at all. */
    private static final double MIN_SEEN_MM = 70;

    private BeyondTheCloth() {
    }

    /**
     * The stick's middle, image pixels, one point per pixel of the way out from (x, y) along the unit
     * direction (dx, dy) where it stands out from both its sides; none when that is too little to say
     * a stick lies there.
     */
    static List<Point> middles(Mat bgr, double x, double y, double dx, double dy, double pxPerMm) {
        double beside = BESIDE_MM * pxPerMm;
        int across = (int) Math.ceil(ACROSS_MM * pxPerMm);
        int steps = (int) Math.round(REACH_MM * pxPerMm);
        List<Point> middles = new ArrayList<>();
        double px = x;
        double py = y;
        for (int step = 0; step < steps; step++) {
            px += dx;
            py += dy;
            double[] left = colourAt(bgr, px + dy * beside, py - dx * beside);
            double[] right = colourAt(bgr, px - dy * beside, py + dx * beside);
            if (left == null || right == null) {
                break;
            }
            double sum = 0;
            int standingOut = 0;
            for (int offset = -across; offset <= across; offset++) {
                double[] middle = colourAt(bgr, px - dy * offset, py + dx * offset);
                if (step(middle, left) >= MIN_STEP && step(middle, right) >= MIN_STEP) {
                    sum += offset;
                    standingOut++;
                }
            }
            if (standingOut > 0) {
                px -= dy * sum / standingOut;
                py += dx * sum / standingOut;
                middles.add(new Point(px, py));
            }
        }
        return middles.size() >= MIN_SEEN_MM * pxPerMm ? middles : List.of();
    }

    /** The pixel's BGR, or null outside the image. */
    private static double[] colourAt(Mat bgr, double x, double y) {
        int col = (int) Math.round(x);
        int row = (int) Math.round(y);
        return col < 0 || row < 0 || col >= bgr.cols() || row >= bgr.rows() ? null : bgr.get(row, col);
    }

    private static double step(double[] a, double[] b) {
        if (a == null) {
            return 0;
        }
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}

package io.cuecast.vision;

import java.util.Arrays;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * Tells which ball candidates are only parts of something larger than a ball: a hand or an arm and
 * its shadow, or a ball smeared into a streak by its speed. Each of these is as wide as a ball in
 * places, so the distance map peaks on it as on a ball; but a ball ends where its disc ends.
 *
 * <ul>
 * <li>Two balls are separate bodies: where they touch, the not-cloth between their centres narrows
 * to a neck, and the crevice there is in shade, or at least darker than either ball. Two
 * candidates of one colour joined at their midpoint by lit not-cloth of that colour a ball's radius wide, with
 * no crevice between them, are one body (a streak, a hand); where nothing of it is fat it is a
 * streak, and only its middle candidate stands, for the ball smeared along it.
 * <li>No ball is fatter than a ball: a candidate whose lit not-cloth runs, within a few radii, into
 * a part further from the cloth than a ball's centre is a fingertip, a knuckle or the shadowed edge
 * of a hand or an arm. A pack of balls, its lit part parted by the shade between them, is nowhere
 * fatter than one of them.
 * </ul>
 */
final class LargerBodies {
    /** Candidates further apart than this many radii cannot be parts of one ball-wide body. */
    private static final double PAIR_REACH_RADII = 2.6;
    /**
     * Lit not-cloth this far (in radii) to both sides of the midpoint between two candidates is no
     * neck: two touching balls are narrower there, a ball's edge curving away on either side.
     */
    private static final double NECK_HALF_WIDTH_RADII = 0.5;
    /**
     * One body is one colour: a streak or a hand is alike from end to end, while a ball touching it
     * (a red in a pocket's jaws that the blurred cue ball meets) is its own colour. Lab chroma units.
     */
    private static final double SAME_COLOUR_CHROMA = 20;
    /** A crevice is this much darker (Lab L ratio) than the balls either side of it. */
    private static final double CREVICE_DARKENING = 0.8;
    /** How far (in radii) around a candidate its attached not-cloth is followed. */
    private static final double WINDOW_RADII = 3;
    /**
     * Lit not-cloth further than this (in radii) from the cloth is fatter than a ball: a ball's lit
     * part is at most its disc, and on the Bern rig a pack's lit part reaches 1.26 radii where its
     * balls' highlights meet, a hand's or a forearm's 1.4 and more.
     */
    private static final double FATTER_THAN_A_BALL_RADII = 1.33;

    private final byte[] mask;
    private final byte[] lab;
    private final float[] clothDistance;
    private final int cols;
    private final int rows;
    private final ClothModel cloth;
    /** The flood's pixels met and still to visit, kept from window to window. */
    private boolean[] seen = new boolean[0];
    private int[] queue = new int[0];

    /**
     * @param mask          the not-cloth mask of a region (non-zero where not cloth), {@code cols} wide, {@code rows} high
     * @param lab           the region's Lab pixels (8-bit, packed)
     * @param clothDistance each pixel's distance to the nearest cloth, or more (a distance transform of a mask
     *                      holding at least {@code mask}'s not-cloth): screens out windows with nothing fat
     */
    LargerBodies(byte[] mask, byte[] lab, float[] clothDistance, int cols, int rows, ClothModel cloth) {
        this.mask = mask;
        this.lab = lab;
        this.clothDistance = clothDistance;
        this.cols = cols;
        this.rows = rows;
        this.cloth = cloth;
    }

    /**
     * @param centres the candidates' centres in the region
     * @param radii   the ball radius expected at each centre
     * @return for each candidate, whether it is part of a larger body rather than a ball
     */
    boolean[] partsOf(List<Point> centres, double[] radii) {
        boolean[] part = new boolean[centres.size()];
        boolean[] joinedTo = new boolean[centres.size()];
        double[][] colour = new double[centres.size()][];
        for (int i = 0; i < centres.size(); i++) {
            colour[i] = meanLab(centres.get(i), radii[i]);
            part[i] = attachedToFatterBody(centres.get(i), radii[i]);
        }
        int[] body = new int[centres.size()];
        Arrays.setAll(body, i -> i);
        for (int i = 0; i < centres.size(); i++) {
            for (int j = i + 1; j < centres.size(); j++) {
                double radius = 0.5 * (radii[i] + radii[j]);
                Point a = centres.get(i);
                Point b = centres.get(j);
                if (Math.hypot(a.x - b.x, a.y - b.y) <= PAIR_REACH_RADII * radius
                        && Math.hypot(colour[i][1] - colour[j][1], colour[i][2] - colour[j][2]) <= SAME_COLOUR_CHROMA
                        && joined(a, b, radius, 0.5 * (colour[i][1] + colour[j][1]), 0.5 * (colour[i][2] + colour[j][2]))
                        && !creviceBetween(a, b, Math.min(colour[i][0], colour[j][0]))) {
                    joinedTo[i] = true;
                    joinedTo[j] = true;
                    int from = root(body, j);
                    body[from] = root(body, i);
                }
            }
        }
        keepOnePerStreak(centres, part, joinedTo, body);
        for (int i = 0; i < centres.size(); i++) {
            part[i] |= joinedTo[i];
        }
        return part;
    }

    /**
     * A body of joined candidates none of which is attached to anything fatter is a ball smeared
     * into a streak: the candidate nearest its middle stands for it, so that the tracker keeps the
     * ball while it moves fastest. A hand's joined candidates are kept out by the fat palm.
     */
    private static void keepOnePerStreak(List<Point> centres, boolean[] fat, boolean[] joined, int[] body) {
        for (int b = 0; b < centres.size(); b++) {
            double sx = 0;
            double sy = 0;
            int n = 0;
            boolean anyFat = false;
            for (int i = 0; i < centres.size(); i++) {
                if (joined[i] && root(body, i) == b) {
                    sx += centres.get(i).x;
                    sy += centres.get(i).y;
                    n++;
                    anyFat |= fat[i];
                }
            }
            if (n == 0 || anyFat) {
                continue;
            }
            int middle = -1;
            for (int i = 0; i < centres.size(); i++) {
                if (joined[i] && root(body, i) == b && (middle < 0 || Math.hypot(centres.get(i).x - sx / n, centres.get(i).y - sy / n)
                        < Math.hypot(centres.get(middle).x - sx / n, centres.get(middle).y - sy / n))) {
                    middle = i;
                }
            }
            joined[middle] = false;
        }
    }

    private static int root(int[] body, int i) {
        while (body[i] != i) {
            i = body[i];
        }
        return i;
    }

    /** The mean Lab colour (L, a*, b*) of the disc of 0.8 radius about {@code centre}. */
    private double[] meanLab(Point centre, double radius) {
        double reach = 0.8 * radius;
        double sl = 0;
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int y = Math.max(0, (int) Math.floor(centre.y - reach)); y <= Math.min(rows - 1, centre.y + reach); y++) {
            for (int x = Math.max(0, (int) Math.floor(centre.x - reach)); x <= Math.min(cols - 1, centre.x + reach); x++) {
                double dx = x - centre.x;
                double dy = y - centre.y;
                if (dx * dx + dy * dy <= reach * reach) {
                    int at = 3 * (y * cols + x);
                    sl += lab[at] & 0xff;
                    sa += lab[at + 1] & 0xff;
                    sb += lab[at + 2] & 0xff;
                    n++;
                }
            }
        }
        return n == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : new double[] {sl / n, sa / n, sb / n};
    }

    /**
     * Whether lit not-cloth of the pair's colour (a*, b* within {@link #SAME_COLOUR_CHROMA} of
     * {@code chromaA}, {@code chromaB}) crosses the midpoint of a and b, past the neck's half-width on
     * both sides. A streak or a hand is its own colour from one candidate to the next; between two
     * touching balls lies the half-lit cloth of their shadows, not cloth to the mask but not their colour.
     */
    private boolean joined(Point a, Point b, double radius, double chromaA, double chromaB) {
        double length = Math.hypot(b.x - a.x, b.y - a.y);
        double ux = -(b.y - a.y) / length;
        double uy = (b.x - a.x) / length;
        double mx = 0.5 * (a.x + b.x);
        double my = 0.5 * (a.y + b.y);
        double reach = NECK_HALF_WIDTH_RADII * radius;
        for (double t = -reach; t <= reach; t += 1) {
            int x = (int) Math.round(mx + t * ux);
            int y = (int) Math.round(my + t * uy);
            int at = 3 * (y * cols + x);
            if (!notCloth(x, y) || cloth.isShade(lab[at] & 0xff)
                    || Math.hypot((lab[at + 1] & 0xff) - chromaA, (lab[at + 2] & 0xff) - chromaB) > SAME_COLOUR_CHROMA) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the middle of the way from a to b is somewhere darker than the darker of their discs by
     * {@link #CREVICE_DARKENING}: the shaded crevice where two balls touch, which a smeared ball or
     * a hand does not have.
     */
    private boolean creviceBetween(Point a, Point b, double discLightness) {
        int steps = (int) Math.ceil(Math.hypot(b.x - a.x, b.y - a.y));
        for (int k = (int) (0.3 * steps); k <= 0.7 * steps; k++) {
            int x = (int) Math.round(a.x + (b.x - a.x) * k / steps);
            int y = (int) Math.round(a.y + (b.y - a.y) * k / steps);
            if (x >= 0 && y >= 0 && x < cols && y < rows && (lab[3 * (y * cols + x)] & 0xff) < CREVICE_DARKENING * discLightness) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the lit not-cloth connected to {@code centre} within its window holds a part further
     * from the cloth than a ball's centre can be. Shade is left out: balls in a pack, their shadows
     * and a pocket's shade merge into something that fat, but a ball is lit. Most windows hold nothing
     * that fat even in the distance map of all not-cloth, and are passed over at once.
     */
    private boolean attachedToFatterBody(Point centre, double radius) {
        Window window = new Window(centre, radius);
        float fat = (float) (FATTER_THAN_A_BALL_RADII * radius);
        if (!window.mayHoldMoreThan(clothDistance, fat)) {
            return false;
        }
        byte[] lit = window.litNotCloth();
        return window.connectedReaches(lit, window.distances(lit), fat, radius);
    }

    /** The square of {@link #WINDOW_RADII} radii about a candidate, clipped to the region. */
    private final class Window {
        private final int left;
        private final int top;
        private final int width;
        private final int height;
        private final Point centre;

        Window(Point centre, double radius) {
            this.centre = centre;
            int reach = (int) Math.ceil(WINDOW_RADII * radius);
            int sx = (int) Math.round(centre.x);
            int sy = (int) Math.round(centre.y);
            left = Math.max(0, sx - reach);
            top = Math.max(0, sy - reach);
            width = Math.max(0, Math.min(cols - 1, sx + reach) - left + 1);
            height = Math.max(0, Math.min(rows - 1, sy + reach) - top + 1);
        }

        /** The window's lit not-cloth, as a mask (non-zero where set). */
        byte[] litNotCloth() {
            byte[] part = new byte[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = (top + y) * cols + left + x;
                    part[y * width + x] = (byte) (mask[at] != 0 && !cloth.isShade(lab[3 * at] & 0xff) ? 255 : 0);
                }
            }
            return part;
        }

        /**
         * Whether the pieces of {@code part} that reach into the candidate's disc hold, within the
         * window, a pixel whose {@code distance} (to the nearest unset pixel) is over {@code fat}.
         */
        boolean connectedReaches(byte[] part, float[] distance, float fat, double radius) {
            if (seen.length < part.length) {
                seen = new boolean[part.length];
                queue = new int[part.length];
            }
            Arrays.fill(seen, 0, part.length, false);
            int tail = 0;
            double seedReach = 0.8 * radius;
            for (int y = Math.max(0, (int) Math.floor(centre.y - seedReach) - top); y < height && top + y <= centre.y + seedReach; y++) {
                for (int x = Math.max(0, (int) Math.floor(centre.x - seedReach) - left); x < width && left + x <= centre.x + seedReach; x++) {
                    double dx = left + x - centre.x;
                    double dy = top + y - centre.y;
                    int at = y * width + x;
                    if (part[at] != 0 && dx * dx + dy * dy <= seedReach * seedReach) {
                        seen[at] = true;
                        queue[tail++] = at;
                    }
                }
            }
            for (int head = 0; head < tail; head++) {
                int at = queue[head];
                if (distance[at] > fat) {
                    return true;
                }
                int x = at % width;
                int y = at / width;
                tail = visit(part, tail, x + 1, y);
                tail = visit(part, tail, x - 1, y);
                tail = visit(part, tail, x, y + 1);
                tail = visit(part, tail, x, y - 1);
            }
            return false;
        }

        private int visit(byte[] part, int tail, int x, int y) {
            if (x < 0 || y < 0 || x >= width || y >= height) {
                return tail;
            }
            int at = y * width + x;
            if (seen[at] || part[at] == 0) {
                return tail;
            }
            seen[at] = true;
            queue[tail] = at;
            return tail + 1;
        }

        /**
         * Whether a distance map of the region may be over {@code limit} within the window, read on
         * every other row and column for speed: a distance changes by at most 1 a pixel, so no pixel
         * between the ones read is over the limit unless one read is within 1.5 of it.
         */
        boolean mayHoldMoreThan(float[] distance, float limit) {
            float near = limit - 1.5f;
            for (int y = top; y < top + height; y += 2) {
                for (int x = left; x < left + width; x += 2) {
                    if (distance[y * cols + x] > near) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Each pixel's distance to the nearest unset one; OpenCV counts beyond the window's edge as set. */
        float[] distances(byte[] part) {
            Mat image = new Mat(height, width, CvType.CV_8UC1);
            Mat distance = new Mat();
            try {
                image.put(0, 0, part);
                Imgproc.distanceTransform(image, distance, Imgproc.DIST_L2, Imgproc.DIST_MASK_5);
                float[] values = new float[part.length];
                distance.get(0, 0, values);
                return values;
            } finally {
                image.release();
                distance.release();
            }
        }
    }

    private boolean notCloth(int x, int y) {
        return x >= 0 && y >= 0 && x < cols && y < rows && mask[y * cols + x] != 0;
    }
}

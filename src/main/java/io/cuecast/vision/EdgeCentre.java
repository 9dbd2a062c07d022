package io.cuecast.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Point;

/**
 * A ball's centre from its edge: along rays from a first guess, where the colour falls most steeply
 * from the ball's to the cloth's, and a circle fitted through those edge points. A blob's centroid
 * is pulled by whatever merges with the ball in the mask (the top of its shadow, a neighbour's
 * rim); the edge is where the ball ends, on every side but where it touches something, and those
 * rays are left out as lying off the circle.
 */
final class EdgeCentre {
    private static final int RAYS = 48;
    private static final double STEP_PX = 0.5;
    /** The fall is measured between points this far either side of each step. */
    private static final double HALF_SPAN_PX = 0.75;
    /** The least fall (in {@link ClothModel#distanceFrom} units) that is an edge, not texture. */
    private static final double MIN_FALL = 8;
    /** A ray's edge this far off the fitted circle is a touching ball, a shadow or a glare. */
    private static final double OFF_CIRCLE_PX = 1.5;
    /** Edge points needed on the circle: two rays in five. */
    private static final int MIN_EDGE_POINTS = RAYS * 2 / 5;
    private static final int REFITS = 3;
    /**
     * A fitted circle further than this from the guess, or this much off the expected radius, is not
     * the ball. The shift is generous because a ball in a side pocket's mouth is half cut out of the
     * mask by the pocket's disc, its guess far off; the radius keeps the fit honest.
     */
    private static final double MAX_SHIFT_RADII = 0.7;
    private static final double MAX_RADIUS_ERROR = 0.15;
    /**
     * Smaller balls' edges are a few pixels of blur and compression: fitted, they place the centre no
     * better than the mask does (Padova's broadcast balls, 8 to 12 px, lost a third of their cue AP).
     */
    private static final double MIN_RADIUS_PX = 12;

    private EdgeCentre() {
    }

    /**
     * @param lab    the Lab pixels (8-bit, packed) of an image {@code cols} wide and {@code rows} high
     * @param guess  the centre found from the mask, in that image
     * @param radius the ball radius expected there
     * @return the centre of the circle through the ball's edge, or empty when too little of the edge
     *     shows (a ball in a pack, a pocket's jaws) to do better than the guess
     */
    static Optional<Point> of(byte[] lab, int cols, int rows, ClothModel cloth, Point guess, double radius) {
        if (radius < MIN_RADIUS_PX) {
            return Optional.empty();
        }
        ClothDistances distances = new ClothDistances(lab, cols, rows, cloth, guess, 1.5 * radius + HALF_SPAN_PX + 1);
        List<double[]> edge = new ArrayList<>(RAYS);
        for (int k = 0; k < RAYS; k++) {
            double angle = 2 * Math.PI * k / RAYS;
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            double steepest = MIN_FALL;
            double at = -1;
            for (double s = 0.5 * radius; s <= 1.5 * radius; s += STEP_PX) {
                double inner = distances.at(guess.x + ux * (s - HALF_SPAN_PX), guess.y + uy * (s - HALF_SPAN_PX));
                double outer = distances.at(guess.x + ux * (s + HALF_SPAN_PX), guess.y + uy * (s + HALF_SPAN_PX));
                if (inner - outer > steepest) {
                    steepest = inner - outer;
                    at = s;
                }
            }
            if (at > 0) {
                edge.add(new double[] {guess.x + ux * at, guess.y + uy * at});
            }
        }
        Optional<double[]> circle = fitWithoutStrays(edge);
        return circle.filter(c -> Math.hypot(c[0] - guess.x, c[1] - guess.y) <= MAX_SHIFT_RADII * radius
                        && Math.abs(c[2] - radius) <= MAX_RADIUS_ERROR * radius)
                .map(c -> new Point(c[0], c[1]));
    }

    private static Optional<double[]> fitWithoutStrays(List<double[]> points) {
        List<double[]> kept = points;
        for (int round = 0; round <= REFITS; round++) {
            if (kept.size() < MIN_EDGE_POINTS) {
                return Optional.empty();
            }
            Optional<double[]> circle = CircleFit.through(kept);
            if (circle.isEmpty() || round == REFITS) {
                return circle;
            }
            double[] c = circle.get();
            kept = points.stream().filter(p -> Math.abs(Math.hypot(p[0] - c[0], p[1] - c[1]) - c[2]) <= OFF_CIRCLE_PX).toList();
        }
        return Optional.empty();
    }

    /**
     * {@link ClothModel#distanceFrom} of each pixel within {@code reach} of a guess, worked out once: the
     * rays' samples interpolate between the same few pixels many times over.
     */
    private static final class ClothDistances {
        private final int cols;
        private final int rows;
        private final int left;
        private final int top;
        private final int width;
        private final double[] distance;

        ClothDistances(byte[] lab, int cols, int rows, ClothModel cloth, Point guess, double reach) {
            this.cols = cols;
            this.rows = rows;
            left = Math.max(0, (int) Math.floor(guess.x - reach));
            top = Math.max(0, (int) Math.floor(guess.y - reach));
            width = Math.max(0, Math.min(cols - 1, (int) Math.ceil(guess.x + reach)) - left + 1);
            int height = Math.max(0, Math.min(rows - 1, (int) Math.ceil(guess.y + reach)) - top + 1);
            distance = new double[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = 3 * ((top + y) * cols + left + x);
                    distance[y * width + x] = cloth.distanceFrom(lab[i] & 0xff, lab[i + 1] & 0xff, lab[i + 2] & 0xff);
                }
            }
        }

        /** The distance at (x, y), interpolated; 0 (cloth) off the image. */
        double at(double x, double y) {
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            if (x0 < 0 || y0 < 0 || x0 + 1 >= cols || y0 + 1 >= rows) {
                return 0;
            }
            double fx = x - x0;
            double fy = y - y0;
            return (1 - fx) * (1 - fy) * pixel(x0, y0) + fx * (1 - fy) * pixel(x0 + 1, y0)
                    + (1 - fx) * fy * pixel(x0, y0 + 1) + fx * fy * pixel(x0 + 1, y0 + 1);
        }

        private double pixel(int x, int y) {
            return distance[(y - top) * width + x - left];
        }
    }
}

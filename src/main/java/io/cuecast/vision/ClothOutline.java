package io.cuecast.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.imgproc.Imgproc;

/**
 * The cloth region's outline as a quadrilateral, which is what a rectangle looks like from any
 * camera, straight down or oblique. The region is made convex (a player's arm over a rail or a
 * pocket's notch bites into it), cut down to four vertices, and each side is then refitted as a
 * straight line to the outline points lying along its middle, away from the rounded pocket corners.
 */
final class ClothOutline {
    /** Points within this share of the perimeter of a side's first guess are that side's edge. */
    private static final double SIDE_TOLERANCE_SHARE = 0.01;
    /** Only the middle of each side is fitted: its ends curve into the corner pockets. */
    private static final double SIDE_END_SHARE = 0.12;
    private static final int MIN_SIDE_POINTS = 10;
    /** Focal lengths, as shares of the image's larger side, that cameras have: about 150 to 6 degrees across. */
    private static final double MIN_FOCAL_SHARE = 0.3;
    private static final double MAX_FOCAL_SHARE = 10;
    /** The focal length assumed when the picture cannot tell it: about 53 degrees across, a common lens. */
    private static final double ASSUMED_FOCAL_SHARE = 1.0;

    private ClothOutline() {
    }

    /**
     * The region's four corners, clockwise in the image: the fitted quadrilateral or the region's
     * minimum-area rectangle, whichever covers the region's convex hull better (a side fitted to
     * a pocket's chamfer instead of the rail leans out; a rectangle cannot follow a perspective view).
     */
    static Point[] corners(MatOfPoint region) {
        Point[] rectangle = boundingRectangle(region);
        Optional<Point[]> quadrilateral = quadrilateral(region);
        if (quadrilateral.isEmpty()) {
            return rectangle;
        }
        MatOfPoint2f hull = hull(region);
        try {
            return overlap(hull, quadrilateral.get()) >= overlap(hull, rectangle) ? quadrilateral.get() : rectangle;
        } finally {
            hull.release();
        }
    }

    private static Point[] boundingRectangle(MatOfPoint region) {
        MatOfPoint2f points = new MatOfPoint2f(region.toArray());
        RotatedRect rect = Imgproc.minAreaRect(points);
        points.release();
        Point[] corners = new Point[4];
        rect.points(corners);
        return clockwise(corners);
    }

    /** Intersection over union of a convex polygon and a quadrilateral. */
    private static double overlap(MatOfPoint2f convex, Point[] quadrilateral) {
        MatOfPoint2f quad = new MatOfPoint2f(quadrilateral);
        Mat common = new Mat();
        try {
            double shared = Imgproc.intersectConvexConvex(convex, quad, common, true);
            double union = Imgproc.contourArea(convex) + Imgproc.contourArea(quad) - shared;
            return union <= 0 ? 0 : shared / union;
        } finally {
            quad.release();
            common.release();
        }
    }

    /** The region's four corners, clockwise in the image, or empty when it is not four-sided. */
    static Optional<Point[]> quadrilateral(MatOfPoint region) {
        Point[] outline = region.toArray();
        Optional<Point[]> guess = fourVertices(region);
        if (guess.isEmpty()) {
            return Optional.empty();
        }
        Point[] corners = clockwise(guess.get());
        double perimeter = 0;
        for (int i = 0; i < 4; i++) {
            perimeter += distance(corners[i], corners[(i + 1) % 4]);
        }
        double[][] lines = new double[4][];
        for (int side = 0; side < 4; side++) {
            lines[side] = sideLine(outline, corners[side], corners[(side + 1) % 4], SIDE_TOLERANCE_SHARE * perimeter);
        }
        Point[] refined = new Point[4];
        for (int i = 0; i < 4; i++) {
            Optional<Point> meet = intersection(lines[(i + 3) % 4], lines[i]);
            if (meet.isEmpty()) {
                return Optional.of(corners);
            }
            refined[i] = meet.get();
        }
        return Optional.of(refined);
    }

    /** The convex hull simplified until four vertices are left (the loosest fit that still has four). */
    private static Optional<Point[]> fourVertices(MatOfPoint region) {
        MatOfPoint2f hull = hull(region);
        MatOfPoint2f simplified = new MatOfPoint2f();
        try {
            double perimeter = Imgproc.arcLength(hull, true);
            for (double share = 0.005; share <= 0.1; share += 0.005) {
                Imgproc.approxPolyDP(hull, simplified, share * perimeter, true);
                if (simplified.rows() <= 4) {
                    return simplified.rows() == 4 ? Optional.of(simplified.toArray()) : Optional.empty();
                }
            }
            return Optional.empty();
        } finally {
            hull.release();
            simplified.release();
        }
    }

    private static MatOfPoint2f hull(MatOfPoint region) {
        MatOfInt hullIndices = new MatOfInt();
        Imgproc.convexHull(region, hullIndices);
        Point[] outline = region.toArray();
        int[] indices = hullIndices.toArray();
        hullIndices.release();
        Point[] hullPoints = new Point[indices.length];
        for (int i = 0; i < indices.length; i++) {
            hullPoints[i] = outline[indices[i]];
        }
        return new MatOfPoint2f(hullPoints);
    }

    /**
     * The line (a point and a unit direction: x0, y0, dx, dy) fitted to the outline points near the
     * middle of side a-b; the line through a and b when too few lie there.
     */
    private static double[] sideLine(Point[] outline, Point a, Point b, double tolerance) {
        double length = distance(a, b);
        double ux = (b.x - a.x) / length;
        double uy = (b.y - a.y) / length;
        List<Point> near = new ArrayList<>();
        for (Point p : outline) {
            double along = (p.x - a.x) * ux + (p.y - a.y) * uy;
            double across = -(p.x - a.x) * uy + (p.y - a.y) * ux;
            if (Math.abs(across) <= tolerance && along >= SIDE_END_SHARE * length && along <= (1 - SIDE_END_SHARE) * length) {
                near.add(p);
            }
        }
        if (near.size() < MIN_SIDE_POINTS) {
            return new double[] {a.x, a.y, ux, uy};
        }
        MatOfPoint2f points = new MatOfPoint2f(near.toArray(new Point[0]));
        Mat line = new Mat();
        try {
            Imgproc.fitLine(points, line, Imgproc.DIST_HUBER, 0, 0.01, 0.01);
            float[] fitted = new float[4];
            line.get(0, 0, fitted);
            return new double[] {fitted[2], fitted[3], fitted[0], fitted[1]};
        } finally {
            points.release();
            line.release();
        }
    }

    /** Where two lines (point and direction: x0, y0, dx, dy) cross; empty when parallel. */
    static Optional<Point> intersection(double[] first, double[] second) {
        double cross = first[2] * second[3] - first[3] * second[2];
        if (Math.abs(cross) < 1e-6) {
            return Optional.empty();
        }
        double t = ((second[0] - first[0]) * second[3] - (second[1] - first[1]) * second[2]) / cross;
        return Optional.of(new Point(first[0] + t * first[2], first[1] + t * first[3]));
    }

    /** The corners sorted clockwise as seen in the image (y points down). */
    static Point[] clockwise(Point[] corners) {
        Point centre = new Point(Arrays.stream(corners).mapToDouble(p -> p.x).average().orElseThrow(),
                Arrays.stream(corners).mapToDouble(p -> p.y).average().orElseThrow());
        Point[] sorted = corners.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(p -> Math.atan2(p.y - centre.y, p.x - centre.x)));
        return sorted;
    }

    /**
     * The true length of side 0-1 over that of side 1-2 of the rectangle that the clockwise
     * quadrilateral {@code c} images, for a pinhole camera whose principal point is the image centre
     * (Zhang and He's whiteboard rectification): the focal length follows from the two vanishing
     * points, and the ratio from it. When a pair of sides stays parallel in the picture the focal
     * length cannot be told and a common lens's is assumed; seen square-on, the ratio is then the
     * picture's own.
     */
    static double aspect(Point[] c, double imageWidth, double imageHeight) {
        double[] m1 = centred(c[0], imageWidth, imageHeight);
        double[] m2 = centred(c[1], imageWidth, imageHeight);
        double[] m4 = centred(c[2], imageWidth, imageHeight);
        double[] m3 = centred(c[3], imageWidth, imageHeight);
        double[] m1m4 = cross(m1, m4);
        double k2 = dot(m1m4, m3) / dot(cross(m2, m4), m3);
        double k3 = dot(m1m4, m2) / dot(cross(m3, m4), m2);
        double[] n2 = {k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]};
        double[] n3 = {k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]};
        double planar2 = n2[0] * n2[0] + n2[1] * n2[1];
        double planar3 = n3[0] * n3[0] + n3[1] * n3[1];
        double depth = n2[2] * n3[2];
        double focal2 = Math.abs(depth) < 1e-12 ? Double.NaN : -(n2[0] * n3[0] + n2[1] * n3[1]) / depth;
        // Outside what cameras have, the focal length is undetermined: a vanishing point is at or near
        // infinity (a view square to one pair of sides), and a typical camera's is assumed instead.
        double scale = Math.max(imageWidth, imageHeight);
        if (!(focal2 > MIN_FOCAL_SHARE * MIN_FOCAL_SHARE * scale * scale && focal2 < MAX_FOCAL_SHARE * MAX_FOCAL_SHARE * scale * scale)) {
            focal2 = ASSUMED_FOCAL_SHARE * ASSUMED_FOCAL_SHARE * scale * scale;
        }
        return Math.sqrt((planar2 / focal2 + n2[2] * n2[2]) / (planar3 / focal2 + n3[2] * n3[2]));
    }

    private static double[] centred(Point p, double width, double height) {
        return new double[] {p.x - width / 2, p.y - height / 2, 1};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}

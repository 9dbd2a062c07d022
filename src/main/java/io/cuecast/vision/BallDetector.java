package io.cuecast.vision;

import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds balls on the cloth by colour and shape.
 *
 * <p>Everything on the playing area that is not cloth is a candidate. The distance transform of that
 * mask peaks at the centre of every round blob, at about the ball radius, even where balls touch
 * (the saddle between two touching balls is lower than either centre). Peaks much thinner than a
 * ball (a cue) or much fatter (a hand) are rejected, and so are those that are only parts of
 * something larger (a hand's fingertip, a ball smeared into a streak: {@link LargerBodies}); the
 * rest are refined to sub-pixel centres and classified together by the table's {@link FrameClassifier}.
 */
public final class BallDetector {
    private static final double MIN_PEAK = 0.6;
    private static final double MAX_PEAK = 1.5;
    private static final double MIN_FILL = 0.85;
    /**
     * A ball lies on cloth: on a ring just outside it, at least this share is cloth even for a ball
     * against a cushion or touching others. Pockets, rails and cushion faces are ringed by more of
     * themselves, a cue or an arm by itself.
     */
    private static final double MIN_RING_CLOTH = 0.3;
    private static final double RING_RADII = 1.4;
    private static final int RING_SAMPLES = 48;
    private static final double TOUCHING_MIN_RADII = 1.7;
    private static final double TOUCHING_MAX_RADII = 2.4;
    /** How far past the outline, in ball radii, a ball's pixels are still looked at. */
    private static final double CUSHION_REACH_RADII = 0.5;

    private final FrameClassifier classifier;
    private TableView maskedView;
    /** The cloth polygon: where a ball's centre can be. */
    private Mat tableArea = new Mat();
    /** {@link #tableArea}'s pixels, read once per table view for the centres' inside tests. */
    private byte[] tablePixels;
    /** The cloth polygon less a disc at each pocket: where a blob of not-cloth is a ball, not a hole. */
    private Mat playingArea = new Mat();
    private Rect roi;
    private BallRadiusGrid radiusGrid;
    /** The last frame's non-cloth mask of the region of interest, kept for the cue detector. */
    private Mat nonCloth = new Mat();
    // Each frame's images and their copies in Java reuse the last frame's memory (the size is the view's).
    private final Mat lab = new Mat();
    private final Mat onTable = new Mat();
    private final Mat mask = new Mat();
    private final Mat closed = new Mat();
    /** The opened mask less shade: balls apart from their shadows and from each other. */
    private final Mat lit = new Mat();
    private final Mat scratch = new Mat();
    private final Mat distance = new Mat();
    private final Mat lightness = new Mat();
    private final Mat circles = new Mat();
    private final Mat smallKernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3));
    private final PixelCopy nonClothCopy = new PixelCopy();
    private final PixelCopy onTableCopy = new PixelCopy();
    private final PixelCopy blobCopy = new PixelCopy();
    private final PixelCopy maskCopy = new PixelCopy();
    private final PixelCopy labCopy = new PixelCopy();
    private float[] distances = new float[0];
    private double minRadius;
    private double maxRadius;

    BallDetector(TableSpec table) {
        this.classifier = FrameClassifier.forTable(table);
    }

    public List<BallDetection> detect(Mat bgr, TableView view, ClothModel cloth) {
        prepareFor(view, bgr.size());
        Mat region = bgr.submat(roi);
        Imgproc.cvtColor(region, lab, Imgproc.COLOR_BGR2Lab);
        region.release();
        cloth.markNonCloth(lab, nonCloth);
        Core.bitwise_and(nonCloth, tableArea, onTable);
        Core.bitwise_and(nonCloth, playingArea, mask);
        Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, smallKernel);
        Imgproc.morphologyEx(mask, closed, Imgproc.MORPH_CLOSE, smallKernel);
        byte[] nonClothPixels = nonClothCopy.of(nonCloth);
        byte[] onTablePixels = onTableCopy.of(onTable);
        // Candidates from four sources, the most exact first: round edges, then the peaks of the lit
        // not-cloth (a ball's shadow, the crevices of a pack and a pocket's shade left out, packed balls
        // part), of the opened mask (dark balls), and of the closed one (see roundBlobs).
        List<Point> round = new ArrayList<>();
        Core.extractChannel(lab, lightness, 0);
        for (Point circle : circles()) {
            if (fill(onTablePixels, mask.cols(), mask.rows(), circle, radiusAt(circle)) >= HOUGH_MIN_FILL) {
                round.add(circle);
            }
        }
        mask.copyTo(lit);
        cloth.clearShade(lightness, lit, scratch);
        round.addAll(roundBlobs(lit, mask));
        round.addAll(roundBlobs(mask, mask));
        // Noise pits a ball of nearly the cloth's colour (a blue stripe on blue cloth) with pinholes
        // of "cloth" that sink its peak; closed, they are gone, but so are the narrow gaps that part
        // racked balls: so the closed mask's balls come last, and count only clear of those before them.
        round.addAll(roundBlobs(closed, closed));
        // Only a candidate ringed by cloth stands in another's way: the peak in the middle of a pack,
        // ringed by its balls, no longer hides them. The ring is then read again among those that
        // stand, so that a candidate is not passed for touching one that has gone.
        List<Point> clear = new ArrayList<>(round.size());
        for (Point found : round) {
            double radius = radiusAt(found);
            if (onTable(found) && ringCloth(nonClothPixels, mask.cols(), mask.rows(), found, radius, round) >= MIN_RING_CLOTH
                    && clear.stream().allMatch(p -> Math.hypot(p.x - found.x, p.y - found.y) >= 1.2 * radius)) {
                clear.add(found);
            }
        }
        List<Point> ringed = new ArrayList<>(clear.size());
        List<Double> ringClothShares = new ArrayList<>(clear.size());
        for (Point found : clear) {
            double ringCloth = ringCloth(nonClothPixels, mask.cols(), mask.rows(), found, radiusAt(found), clear);
            if (ringCloth >= MIN_RING_CLOTH) {
                ringed.add(found);
                ringClothShares.add(ringCloth);
            }
        }
        double[] radii = ringed.stream().mapToDouble(p -> radiusAt(p)).toArray();
        byte[] labPixels = labCopy.of(lab);
        // The opened mask, whose gaps still part touching balls (closed, a rack is one fat body), and the
        // closed mask's distance map, as its roundBlobs left it: never thinner, so a screen for the fat.
        boolean[] partOfLargerBody = new LargerBodies(maskCopy.of(mask), labPixels, distances, mask.cols(), mask.rows(), cloth)
                .partsOf(ringed, radii);
        List<Candidate> candidates = new ArrayList<>(ringed.size());
        for (int i = 0; i < ringed.size(); i++) {
            if (!partOfLargerBody[i]) {
                Point found = ringed.get(i);
                Point centre = EdgeCentre.of(labPixels, lab.cols(), lab.rows(), cloth, found, radii[i]).orElse(found);
                candidates.add(new Candidate(new Point(centre.x + roi.x, centre.y + roi.y), radii[i], ringClothShares.get(i)));
            }
        }
        return describe(bgr, view, candidates);
    }

    /**
     * The distance map's peaks of {@code peaksOf}, refined on {@code refineOn}, that are round: {@link #MIN_FILL}
     * of their disc not cloth there. The lit mask's peaks are refined on the opened mask: a broadcast
     * ball's shaded half is shade, and without it the centre rose by 2-3 px (Padova's types moved).
     */
    private List<Point> roundBlobs(Mat peaksOf, Mat refineOn) {
        Imgproc.distanceTransform(peaksOf, distance, Imgproc.DIST_L2, Imgproc.DIST_MASK_5);
        List<Point> centres = peaks(distance);
        byte[] maskPixels = blobCopy.of(refineOn);
        List<Point> round = new ArrayList<>(centres.size());
        for (Point peak : centres) {
            Point centre = refine(maskPixels, mask.cols(), mask.rows(), peak, radiusAt(peak));
            if (fill(maskPixels, mask.cols(), mask.rows(), centre, radiusAt(centre)) >= MIN_FILL) {
                round.add(centre);
            }
        }
        return round;
    }

    /**
     * A round edge needs less of its disc to read as not cloth than a distance-map peak: a ball of
     * nearly the cloth's colour (snooker's green, a blue ball on blue cloth) is mostly "cloth".
     */
    private static final double HOUGH_MIN_FILL = 0.3;
    /** OpenCV's circle "perfectness" (0..1) a round edge needs. */
    private static final double HOUGH_PERFECTNESS = 0.8;

    /**
     * Circles in the lightness image (OpenCV's gradient Hough transform) of about a ball's size,
     * centred on the table, at least 1.2 radii apart: a ball touching a pocket's mouth, a shadow or a
     * pack merges with it in the colour mask and makes no peak of its own (or one off its centre), and a
     * ball hanging in a pocket's mouth has its centre inside the pocket's disc, but its edge is still
     * round. They come before the distance map's peaks, whose centre a pack or a shadow pulls aside.
     */
    private List<Point> circles() {
        Imgproc.HoughCircles(lightness, circles, Imgproc.HOUGH_GRADIENT_ALT, 1.5, 1.5 * minRadius, 300, HOUGH_PERFECTNESS,
                (int) Math.floor(0.8 * minRadius), (int) Math.ceil(1.2 * maxRadius));
        List<Point> extra = new ArrayList<>();
        for (int i = 0; i < circles.cols(); i++) {
            double[] c = circles.get(0, i);
            Point centre = new Point(c[0], c[1]);
            if (!onTable(centre)) {
                continue;
            }
            double radius = radiusAt(centre);
            boolean ballSized = c[2] >= 0.8 * radius && c[2] <= 1.2 * radius;
            boolean clear = extra.stream().allMatch(p -> Math.hypot(p.x - centre.x, p.y - centre.y) >= 1.2 * radius);
            if (ballSized && clear) {
                extra.add(centre);
            }
        }
        return extra;
    }

    /** Whether a point of the region of interest lies inside the table's outline. */
    private boolean onTable(Point inRoi) {
        int x = (int) Math.round(inRoi.x);
        int y = (int) Math.round(inRoi.y);
        return x >= 0 && y >= 0 && x < tableArea.cols() && y < tableArea.rows() && tablePixels[y * tableArea.cols() + x] != 0;
    }

    /**
     * The last frame's non-cloth mask over {@code region} of the image (a view: copy what you change),
     * or null when the region does not lie within the one detected.
     */
    Mat nonClothWithin(Rect region) {
        if (roi == null || region.x < roi.x || region.y < roi.y || region.x + region.width > roi.x + roi.width
                || region.y + region.height > roi.y + roi.height) {
            return null;
        }
        return nonCloth.submat(new Rect(region.x - roi.x, region.y - roi.y, region.width, region.height));
    }

    /** The expected ball radius at a point of the region of interest. */
    private double radiusAt(Point inRoi) {
        return radiusGrid.at(inRoi.x, inRoi.y);
    }

    /** Rebuilds the table and playing-area masks when the table view changes. */
    private void prepareFor(TableView view, Size imageSize) {
        if (view == maskedView) {
            return;
        }
        minRadius = Double.MAX_VALUE;
        maxRadius = 0;
        for (Point corner : view.cornersPx()) {
            double r = view.ballRadiusPxAt(corner.x, corner.y);
            minRadius = Math.min(minRadius, r);
            maxRadius = Math.max(maxRadius, r);
        }
        int margin = (int) Math.ceil(maxRadius);
        MatOfPoint polygon = new MatOfPoint(view.cornersPx());
        Rect bounds = Imgproc.boundingRect(polygon);
        int x0 = Math.max(0, bounds.x - margin);
        int y0 = Math.max(0, bounds.y - margin);
        int x1 = Math.min((int) imageSize.width, bounds.x + bounds.width + margin);
        int y1 = Math.min((int) imageSize.height, bounds.y + bounds.height + margin);
        roi = new Rect(x0, y0, x1 - x0, y1 - y0);
        radiusGrid = new BallRadiusGrid(view, x0, y0, roi.width, roi.height);
        tableArea.release();
        tableArea = Mat.zeros(roi.height, roi.width, CvType.CV_8UC1);
        Point[] shifted = new Point[4];
        for (int i = 0; i < 4; i++) {
            shifted[i] = new Point(view.cornersPx()[i].x - x0, view.cornersPx()[i].y - y0);
        }
        MatOfPoint area = new MatOfPoint(shifted);
        Imgproc.fillConvexPoly(tableArea, area, new Scalar(255));
        tablePixels = ClothModel.bytes(tableArea);
        playingArea.release();
        playingArea = new Mat();
        // The outline can lie a little inside the noses (at the bed's rise past the nose's shadow):
        // a ball against a cushion must still be whole in the mask, or its centre is pulled inward.
        int reach = 2 * (int) Math.ceil(CUSHION_REACH_RADII * minRadius) + 1;
        Mat disc = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(reach, reach));
        Imgproc.dilate(tableArea, playingArea, disc);
        disc.release();
        for (TableSpec.Pocket pocket : view.pockets()) {
            Point centre = view.toPixel(pocket.x(), pocket.y());
            double r = pocket.radiusMm() * view.pixelsPerMmAt(pocket.x(), pocket.y());
            Imgproc.circle(playingArea, new Point(centre.x - x0, centre.y - y0), (int) Math.round(r), new Scalar(0), -1);
        }
        area.release();
        polygon.release();
        maskedView = view;
    }

    /**
     * Local maxima of the distance map about one ball radius high, at least ~1.2 radii apart, the
     * radius being the one expected where the peak lies.
     */
    private List<Point> peaks(Mat distance) {
        int cols = distance.cols();
        int rows = distance.rows();
        if (distances.length != cols * rows) {
            distances = new float[cols * rows];
        }
        float[] d = distances;
        distance.get(0, 0, d);
        float low = (float) (MIN_PEAK * minRadius);
        float high = (float) (MAX_PEAK * maxRadius);
        List<float[]> candidates = new ArrayList<>();
        for (int y = 1; y < rows - 1; y++) {
            for (int x = 1; x < cols - 1; x++) {
                float v = d[y * cols + x];
                if (v >= low && v <= high && isLocalMaximum(d, cols, x, y, v)) {
                    double radius = radiusGrid.at(x, y);
                    if (v >= MIN_PEAK * radius && v <= MAX_PEAK * radius) {
                        candidates.add(new float[] {x, y, v, (float) radius});
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((float[] c) -> c[2]).reversed());
        List<Point> accepted = new ArrayList<>();
        for (float[] c : candidates) {
            double minSeparation = 1.2 * c[3];
            boolean clear = accepted.stream().allMatch(p -> Math.hypot(p.x - c[0], p.y - c[1]) >= minSeparation);
            if (clear) {
                accepted.add(new Point(c[0], c[1]));
            }
        }
        return accepted;
    }

    private static boolean isLocalMaximum(float[] d, int cols, int x, int y, float v) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (d[(y + dy) * cols + x + dx] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Moves the centre to the centroid of the ball's pixels within 0.9 radius, twice. */
    private static Point refine(byte[] mask, int cols, int rows, Point start, double radius) {
        Point centre = start;
        double reach = 0.9 * radius;
        for (int iteration = 0; iteration < 2; iteration++) {
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (int y = (int) Math.max(0, centre.y - reach); y <= Math.min(rows - 1, centre.y + reach); y++) {
                for (int x = (int) Math.max(0, centre.x - reach); x <= Math.min(cols - 1, centre.x + reach); x++) {
                    if (mask[y * cols + x] != 0 && within(x - centre.x, y - centre.y, reach)) {
                        sx += x;
                        sy += y;
                        n++;
                    }
                }
            }
            if (n == 0) {
                return centre;
            }
            centre = new Point(sx / n, sy / n);
        }
        return centre;
    }

    /** Whether (dx, dy) lies within {@code reach} of the origin: for the per-pixel tests, where {@link Math#hypot} is slow. */
    private static boolean within(double dx, double dy, double reach) {
        return dx * dx + dy * dy <= reach * reach;
    }

    /** The share of the disc of 0.8 radius around {@code centre} that is not cloth. */
    private static double fill(byte[] mask, int cols, int rows, Point centre, double radius) {
        double reach = 0.8 * radius;
        int inside = 0;
        int total = 0;
        for (int y = (int) Math.floor(centre.y - reach); y <= centre.y + reach; y++) {
            for (int x = (int) Math.floor(centre.x - reach); x <= centre.x + reach; x++) {
                if (within(x - centre.x, y - centre.y, reach)) {
                    total++;
                    boolean onImage = x >= 0 && y >= 0 && x < cols && y < rows;
                    inside += onImage && mask[y * cols + x] != 0 ? 1 : 0;
                }
            }
        }
        return total == 0 ? 0 : (double) inside / total;
    }

    /**
     * The share of the ring of {@link #RING_RADII} radii around {@code centre} that is cloth or
     * another ball touching this one (so that a ball inside a pack passes); off the image is neither.
     */
    private static double ringCloth(byte[] nonCloth, int cols, int rows, Point centre, double radius, List<Point> others) {
        double reach = RING_RADII * radius;
        int cloth = 0;
        for (int k = 0; k < RING_SAMPLES; k++) {
            double angle = 2 * Math.PI * k / RING_SAMPLES;
            double sx = centre.x + reach * Math.cos(angle);
            double sy = centre.y + reach * Math.sin(angle);
            int x = (int) Math.round(sx);
            int y = (int) Math.round(sy);
            boolean onImage = x >= 0 && y >= 0 && x < cols && y < rows;
            if (onImage && (nonCloth[y * cols + x] == 0 || onTouchingBall(centre, sx, sy, radius, others))) {
                cloth++;
            }
        }
        return (double) cloth / RING_SAMPLES;
    }

    /** Whether (x, y) lies on another candidate about two radii from {@code centre}: a ball it touches. */
    private static boolean onTouchingBall(Point centre, double x, double y, double radius, List<Point> others) {
        for (Point other : others) {
            double apart = Math.hypot(other.x - centre.x, other.y - centre.y);
            if (apart >= TOUCHING_MIN_RADII * radius && apart <= TOUCHING_MAX_RADII * radius
                    && Math.hypot(other.x - x, other.y - y) <= radius) {
                return true;
            }
        }
        return false;
    }

    /** A ball found, not yet classified: its centre in the image, its radius and its ring's cloth share. */
    private record Candidate(Point centre, double radius, double ringCloth) {
    }

    /**
     * The candidates classified together. The confidence is the type's, scaled by how much cloth
     * rings the candidate: a ball in the open ranks above one in a pocket's jaws, and both above most
     * of what is not a ball.
     */
    private List<BallDetection> describe(Mat bgr, TableView view, List<Candidate> candidates) {
        double[] ballness = candidates.stream().mapToDouble(c -> Math.min(1, c.ringCloth() / 0.8)).toArray();
        List<Classification> kinds = classifier.classify(
                candidates.stream().map(c -> innerDisc(bgr, c.centre(), c.radius())).toList(), ballness);
        List<BallDetection> balls = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Classification kind = kinds.get(i);
            Point onTable = view.toTable(c.centre().x, c.centre().y);
            balls.add(new BallDetection(c.centre().x, c.centre().y, onTable.x, onTable.y, c.radius(),
                    kind.type(), kind.number(), kind.confidence() * ballness[i]));
        }
        return balls;
    }

    /** The pixels within 0.85 radius of the centre, with their offsets from it. */
    static BallDisc innerDisc(Mat bgr, Point centre, double radius) {
        int r = (int) Math.ceil(radius);
        Rect box = new Rect(new Point(Math.max(0, centre.x - r), Math.max(0, centre.y - r)),
                new Point(Math.min(bgr.cols(), centre.x + r + 1), Math.min(bgr.rows(), centre.y + r + 1)));
        Mat patch = bgr.submat(box);
        Mat hsv = new Mat();
        Imgproc.cvtColor(patch, hsv, Imgproc.COLOR_BGR2HSV);
        byte[] all = ClothModel.bytes(hsv);
        patch.release();
        hsv.release();
        byte[] disc = new byte[all.length];
        byte[] offsets = new byte[all.length / 3 * 2];
        int n = 0;
        double reach = 0.85 * radius;
        for (int y = 0; y < box.height; y++) {
            for (int x = 0; x < box.width; x++) {
                double dx = box.x + x - centre.x;
                double dy = box.y + y - centre.y;
                if (within(dx, dy, reach)) {
                    System.arraycopy(all, 3 * (y * box.width + x), disc, 3 * n, 3);
                    offsets[2 * n] = (byte) Math.round(dx);
                    offsets[2 * n + 1] = (byte) Math.round(dy);
                    n++;
                }
            }
        }
        return new BallDisc(Arrays.copyOf(disc, 3 * n), Arrays.copyOf(offsets, 2 * n), radius);
    }
}

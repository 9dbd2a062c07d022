package io.cuecast.vision;

import io.cuecast.vision.Pieces.Line;
import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the cue stick over the cloth: the long, straight, stick-wide part of what is not cloth.
 *
 * <p>The playing area is looked at in a reduced image of about {@value #WORK_MM_PER_PX} mm a pixel.
 * There a stick (12-30 mm wide) is several pixels wide and a projected or drawn line (a few mm) at
 * most one, so a 3x3 opening removes the lines and keeps the stick. What survives an opening with a
 * disc wider than a stick's butt is a blob (a ball, the bridge hand, the arm) and is taken away, so
 * the stick falls apart into straight pieces where a hand or a ball is. The longest straight piece
 * seeds the line; the pieces lying along it are gathered (the stick in front of the bridge hand and
 * behind it are one stick), and the line is fitted to all their pixels. The tip is the end nearest
 * a cue ball lying on the line or, without one, the end deeper inside the table: a player holds the
 * butt from outside the cushions. Where the line reaches the cushion, the stick is followed on over
 * the cushion and rail ({@link BeyondTheCloth}): that end is the butt, and a stick showing only a
 * stub on the cloth is still found.
 *
 * <p>Not thread-safe; one detector serves one pipeline.
 */
public final class CueDetector {
    private static final double WORK_MM_PER_PX = 4.0;
    /** Wider than a stick's butt (about 30 mm), narrower than a ball (52-57 mm) or a hand. */
    private static final double BLOB_MM = 40;
    /** A straight piece this wide or wider is not a stick: a butt is about 30 mm, an arm far more. */
    private static final double MAX_WIDTH_MM = 36;
    /** Narrower than this, a straight piece is a line of light that survived the opening; a stick's tip is 12-13 mm. */
    private static final double MIN_WIDTH_MM = 8.5;
    /** The least straight piece worth seeding a line, and the least stick worth reporting. */
    private static final double MIN_PIECE_MM = 30;
    private static final double MIN_STICK_MM = 150;
    /** A stick is at least this many times longer than wide; a piece, to seed the line, too. */
    private static final double MIN_ELONGATION = 6;
    /** How far off the seed's line a piece's ends may lie and still be the same stick. */
    private static final double GATHER_MM = 15;
    /** Two pieces are one stick when the line between them runs this much over what is not cloth. */
    private static final double MIN_BRIDGED_SHARE = 0.8;
    /** A piece this close to the playing area's edge all along is a cushion, not a stick. */
    private static final double CUSHION_BAND_MM = 80;
    /** The playing area's edge is shrunk by this, so that the cushion noses' strip is not a line. */
    private static final double EDGE_INSET_MM = 8;
    /** A stick this long seen whole earns full length confidence. */
    private static final double CONFIDENT_LENGTH_MM = 500;
    /** A cue ball farther than this many radii off the line does not say which end is the tip. */
    private static final double CUE_BALL_REACH_RADII = 3;

    /** A cue ball this near the cushion may be struck by a stick that is all over the cushion and rail. */
    private static final double RAIL_SHOT_REACH_MM = 250;
    /** The directions tried from such a ball; the stick's middle is followed, so a ray may be this far off it. */
    private static final double RAIL_SHOT_ANGLE_STEP = Math.toRadians(3);

    private TableView preparedView;
    private Rect roi;
    private double scale;
    private double pxPerMm;
    private double mmPerWorkPx;
    private Size workSize;
    private Mat area = new Mat();
    private float[] depth;
    /** Opens away lines of light one work pixel wide. */
    private final Mat lineKernel = kernel(Imgproc.MORPH_RECT, 3);
    /** With a disc of {@link #BLOB_MM}: what it leaves is a blob. */
    private EllipseOpening blobOpening;
    /** Widens the blobs a little, so that their rims do not stay behind as pieces. */
    private final Mat blobMarginKernel = kernel(Imgproc.MORPH_ELLIPSE, 5);

    /** The stick in this frame, or empty when none is there; {@code balls} are this frame's, for the cue ball. */
    public Optional<CueDetection> detect(Mat bgr, TableView view, ClothModel cloth, List<BallDetection> balls) {
        return detect(bgr, view, cloth, balls, region -> null);
    }

    /**
     * As {@link #detect(Mat, TableView, ClothModel, List)}, taking the non-cloth mask of this frame where
     * the ball detector has already made it: at full scale the stick's region lies within the balls',
     * and converting and looking up the same pixels again would cost about 3 ms a 1280x720 frame.
     *
     * @param nonClothWithin this frame's non-cloth mask over a region of the image, or null where none is at hand
     */
    Optional<CueDetection> detect(Mat bgr, TableView view, ClothModel cloth, List<BallDetection> balls,
                                  Function<Rect, Mat> nonClothWithin) {
        prepareFor(view, bgr.size());
        Mat region = bgr.submat(roi);
        // Reduced by 1, INTER_AREA would only copy the region.
        Mat small = scale < 1 ? new Mat() : region;
        Mat lab = new Mat();
        Mat mask = new Mat();
        Mat blobs = new Mat();
        Mat labels = new Mat();
        try {
            Mat shared = scale == 1 ? nonClothWithin.apply(roi) : null;
            if (shared != null) {
                Core.bitwise_and(shared, area, mask);
                shared.release();
            } else {
                if (small != region) {
                    Imgproc.resize(region, small, workSize, 0, 0, Imgproc.INTER_AREA);
                }
                Imgproc.cvtColor(small, lab, Imgproc.COLOR_BGR2Lab);
                cloth.markNonCloth(lab, mask);
                Core.bitwise_and(mask, area, mask);
            }
            Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, lineKernel);
            blobOpening.apply(mask, blobs);
            Imgproc.dilate(blobs, blobs, blobMarginKernel);
            byte[] notCloth = ClothModel.bytes(mask);
            Core.subtract(mask, blobs, mask);
            // Pieces measures each piece itself: the component statistics would cost twice the labelling.
            int count = Imgproc.connectedComponents(mask, labels, 8, CvType.CV_32S);
            int[] pixels = new int[(int) labels.total()];
            labels.get(0, 0, pixels);
            return stick(Pieces.of(pixels, (int) workSize.width, count), notCloth, bgr, view, balls);
        } finally {
            region.release();
            small.release();
            lab.release();
            mask.release();
            blobs.release();
            labels.release();
        }
    }

    private static Mat kernel(int shape, int size) {
        return Imgproc.getStructuringElement(shape, new Size(size, size));
    }

    private Optional<CueDetection> stick(Pieces pieces, byte[] notCloth, Mat bgr, TableView view,
                                         List<BallDetection> balls) {
        Line seed = null;
        for (int label = 1; label < pieces.count(); label++) {
            Line piece = pieces.line(label);
            if (piece != null && isStraightPiece(piece) && (seed == null || piece.length() > seed.length())) {
                seed = piece;
            }
        }
        if (seed == null) {
            seed = stubGoingOn(pieces, notCloth, bgr);
        }
        if (seed == null) {
            return overTheRail(bgr, view, balls);
        }
        boolean[] gathered = gatherAlong(seed, pieces, notCloth);
        double piecesLength = 0;
        for (int label = 1; label < pieces.count(); label++) {
            piecesLength += gathered[label] ? pieces.line(label).length() : 0;
        }
        Line stick = pieces.union(gathered);
        List<Point> beyondStart = beyondTheCloth(stick, false, notCloth, bgr);
        List<Point> beyondEnd = beyondTheCloth(stick, true, notCloth, bgr);
        boolean buttAtEnd = beyondEnd.size() > beyondStart.size();
        List<Point> beyond = buttAtEnd ? beyondEnd : beyondStart;
        // A stick coming in over the cushion may show only a stub on the cloth; what is seen of it
        // over the cushion and the rail counts too.
        double lengthMm = stick.length() * mmPerWorkPx + beyond.size() / pxPerMm;
        if (lengthMm < MIN_STICK_MM || beyond.isEmpty() && stick.length() < MIN_ELONGATION * stick.width()) {
            return Optional.empty();
        }
        double coverage = Math.min(1, piecesLength / stick.length());
        double confidence = Math.min(1, lengthMm / CONFIDENT_LENGTH_MM) * coverage;
        return Optional.of(beyond.isEmpty() ? describe(stick, view, balls, confidence)
                : describeGoingOn(stick, beyond, buttAtEnd, view, confidence));
    }

    /**
     * The longest stick-wide piece, however short or near the cushion, that the stick is seen to go on
     * from over the cushion: what the balls about a stick coming in over the cushion leave of it on
     * the cloth.
     */
    private Line stubGoingOn(Pieces pieces, byte[] notCloth, Mat bgr) {
        Line stub = null;
        for (int label = 1; label < pieces.count(); label++) {
            Line piece = pieces.line(label);
            if (piece != null && piece.length() * mmPerWorkPx >= MIN_PIECE_MM && isStickWide(piece)
                    && (stub == null || piece.length() > stub.length())
                    && (!beyondTheCloth(piece, true, notCloth, bgr).isEmpty()
                    || !beyondTheCloth(piece, false, notCloth, bgr).isEmpty())) {
                stub = piece;
            }
        }
        return stub;
    }

    /**
     * The seed and the pieces beyond either of its ends that lie along its line, taken outwards one
     * by one for as long as what lies between is not cloth (a hand, a ball the stick passes over):
     * across open cloth the stick has ended, and what lies beyond on its line is something else.
     */
    private boolean[] gatherAlong(Line seed, Pieces pieces, byte[] notCloth) {
        List<Span> ahead = new ArrayList<>();
        List<Span> behind = new ArrayList<>();
        boolean[] gathered = new boolean[pieces.count()];
        for (int label = 1; label < pieces.count(); label++) {
            Line piece = pieces.line(label);
            if (piece == seed) {
                gathered[label] = true;
            } else if (piece != null && isStickWide(piece) && liesAlong(piece, seed)) {
                double from = Math.min(seed.along(piece.startX(), piece.startY()), seed.along(piece.endX(), piece.endY()));
                double to = Math.max(seed.along(piece.startX(), piece.startY()), seed.along(piece.endX(), piece.endY()));
                (to > seed.tTo() ? ahead : behind).add(new Span(label, from, to));
            }
        }
        ahead.sort(Comparator.comparingDouble(Span::from));
        double reach = seed.tTo();
        for (Span piece : ahead) {
            if (!bridged(seed, reach, piece.from(), notCloth)) {
                break;
            }
            gathered[piece.label()] = true;
            reach = Math.max(reach, piece.to());
        }
        behind.sort(Comparator.comparingDouble(Span::to).reversed());
        reach = seed.tFrom();
        for (Span piece : behind) {
            if (!bridged(seed, piece.to(), reach, notCloth)) {
                break;
            }
            gathered[piece.label()] = true;
            reach = Math.min(reach, piece.from());
        }
        return gathered;
    }

    /** Where a piece lies along the seed's line. */
    private record Span(int label, double from, double to) {
    }

    /** Whether the seed's line from {@code from} to {@code to} runs over what is not cloth, nearly all the way. */
    private boolean bridged(Line seed, double from, double to, byte[] notCloth) {
        int cols = (int) workSize.width;
        int rows = (int) workSize.height;
        int samples = 0;
        int covered = 0;
        for (double t = from + 1; t < to - 1; t++) {
            int x = (int) Math.round(seed.xAt(t));
            int y = (int) Math.round(seed.yAt(t));
            samples++;
            covered += x >= 0 && y >= 0 && x < cols && y < rows && notCloth[y * cols + x] != 0 ? 1 : 0;
        }
        return covered >= MIN_BRIDGED_SHARE * samples;
    }

    private boolean isStraightPiece(Line piece) {
        return piece.length() * mmPerWorkPx >= MIN_PIECE_MM && isStickWide(piece)
                && piece.length() >= MIN_ELONGATION * piece.width() && !hugsTheEdge(piece);
    }

    /**
     * Whether the piece lies within {@link #CUSHION_BAND_MM} of the playing area's edge all along: a
     * cushion's face or shadow, where the found table reaches a little past the noses. A stick comes
     * in from the player's side, and reaches into the table.
     */
    private boolean hugsTheEdge(Line piece) {
        double band = CUSHION_BAND_MM / mmPerWorkPx;
        double middle = (piece.tFrom() + piece.tTo()) / 2;
        return depthAt(piece.startX(), piece.startY()) < band && depthAt(piece.endX(), piece.endY()) < band
                && depthAt(piece.xAt(middle), piece.yAt(middle)) < band;
    }

    private boolean isStickWide(Line piece) {
        double widthMm = piece.width() * mmPerWorkPx;
        return widthMm >= MIN_WIDTH_MM && widthMm <= MAX_WIDTH_MM;
    }

    private boolean liesAlong(Line piece, Line seed) {
        double reach = GATHER_MM / mmPerWorkPx;
        return seed.distanceTo(piece.startX(), piece.startY()) <= reach
                && seed.distanceTo(piece.endX(), piece.endY()) <= reach;
    }

    /**
     * The stick's middle where it goes on from one end of its line over the cushion and the rail,
     * image pixels: none unless the line reaches the playing area's edge from there over what is not
     * cloth (a bridge hand may lie on it) and the stick is seen on beyond it.
     */
    private List<Point> beyondTheCloth(Line stick, boolean atEnd, byte[] notCloth, Mat bgr) {
        double outwards = atEnd ? 1 : -1;
        double from = atEnd ? stick.tTo() : stick.tFrom();
        double edge = from;
        while (depthAt(stick.xAt(edge), stick.yAt(edge)) > 0) {
            edge += outwards;
        }
        if (!bridged(stick, Math.min(from, edge), Math.max(from, edge), notCloth)) {
            return List.of();
        }
        Point start = toImage(stick.xAt(edge), stick.yAt(edge));
        return BeyondTheCloth.middles(BeyondTheCloth.patchFor(bgr, start.x, start.y, 0, pxPerMm), start.x, start.y,
                outwards * stick.dx(), outwards * stick.dy(), pxPerMm, 0);
    }

    /**
     * A stick that goes on over the cushion: its butt is that way (the player holds it from outside
     * the table), and its line is fitted again to its middle out there too, which is straighter and
     * longer than a stub on the cloth.
     */
    private CueDetection describeGoingOn(Line stick, List<Point> beyond, boolean buttAtEnd, TableView view,
                                         double confidence) {
        List<Point> points = new ArrayList<>(beyond);
        for (double t = stick.tFrom(); t <= stick.tTo(); t++) {
            points.add(toImage(stick.xAt(t), stick.yAt(t)));
        }
        float[] line = lineThrough(points, Imgproc.DIST_L2);
        Point tipEnd = buttAtEnd ? toImage(stick.startX(), stick.startY()) : toImage(stick.endX(), stick.endY());
        Point tip = onto(tipEnd, line);
        Point butt = onto(beyond.get(beyond.size() - 1), line);
        return describe(tip, butt, view, confidence);
    }

    /**
     * A stick wholly off the cloth, over the cushion and the rail, aiming at a cue ball near the
     * cushion: how a ball on or near a cushion is played, and the cloth then shows none of the stick.
     * Rays from the cue ball out across the cushion are followed over the rail ({@link BeyondTheCloth});
     * the longest that passes for a stick ({@link StickOverTheRail}) is the stick, its tip the end
     * nearest the ball.
     */
    private Optional<CueDetection> overTheRail(Mat bgr, TableView view, List<BallDetection> balls) {
        double reach = RAIL_SHOT_REACH_MM / mmPerWorkPx;
        for (BallDetection ball : balls) {
            double x = (ball.px() - roi.x + 0.5) * scale - 0.5;
            double y = (ball.py() - roi.y + 0.5) * scale - 0.5;
            if (!ball.type().isCueBall() || depthAt(x, y) > reach) {
                continue;
            }
            double beyondBall = (view.ballRadiusPx() + 1) * scale;
            BgrPatch patch = BeyondTheCloth.patchFor(bgr, ball.px(), ball.py(), RAIL_SHOT_REACH_MM * pxPerMm, pxPerMm);
            List<Point> stick = List.of();
            float[] stickLine = null;
            for (double angle = 0; angle < 2 * Math.PI; angle += RAIL_SHOT_ANGLE_STEP) {
                double dx = Math.cos(angle);
                double dy = Math.sin(angle);
                double t = 0;
                while (t <= reach && depthAt(x + dx * t, y + dy * t) > 0) {
                    t++;
                }
                if (t > reach) {
                    continue;
                }
                // Past the ball too, which may reach over the cushion's nose: its middle is not the stick's.
                t = Math.max(t, beyondBall);
                Point edge = toImage(x + dx * t, y + dy * t);
                if (!BeyondTheCloth.mayLieAlong(patch, edge.x, edge.y, dx, dy, pxPerMm)) {
                    continue;
                }
                List<Point> middles = BeyondTheCloth.middles(patch, edge.x, edge.y, dx, dy, pxPerMm, MIN_STICK_MM);
                if (middles.size() > stick.size() && StickOverTheRail.leavesTheTableSteeply(middles, view)) {
                    float[] line = lineThrough(middles, Imgproc.DIST_HUBER);
                    if (StickOverTheRail.isWholeAndStraight(middles, line, pxPerMm)) {
                        stick = middles;
                        stickLine = line;
                    }
                }
            }
            if (stickLine != null) {
                double seenMm = stick.size() / pxPerMm;
                return Optional.of(describe(onto(stick.get(0), stickLine), onto(stick.get(stick.size() - 1), stickLine), view,
                        Math.min(1, seenMm / CONFIDENT_LENGTH_MM)));
            }
        }
        return Optional.empty();
    }

    /** The line (vx, vy, x0, y0) fitted to the points, minimising {@code distance} (an Imgproc.DIST_* type). */
    static float[] lineThrough(List<Point> points, int distance) {
        MatOfPoint2f along = new MatOfPoint2f(points.toArray(new Point[0]));
        Mat fitted = new Mat();
        Imgproc.fitLine(along, fitted, distance, 0, 0.01, 0.01);
        float[] line = new float[4];
        fitted.get(0, 0, line);
        along.release();
        fitted.release();
        return line;
    }

    /** The point of the fitted line (vx, vy, x0, y0) nearest {@code p}. */
    static Point onto(Point p, float[] line) {
        double along = (p.x - line[2]) * line[0] + (p.y - line[3]) * line[1];
        return new Point(line[2] + line[0] * along, line[3] + line[1] * along);
    }

    /** Picks the tip end and maps the line back to full-image pixels and to the table. */
    private CueDetection describe(Line stick, TableView view, List<BallDetection> balls, double confidence) {
        Point start = toImage(stick.startX(), stick.startY());
        Point end = toImage(stick.endX(), stick.endY());
        boolean tipAtEnd = tipAtEnd(stick, start, end, view, balls);
        return describe(tipAtEnd ? end : start, tipAtEnd ? start : end, view, confidence);
    }

    private static CueDetection describe(Point tip, Point butt, TableView view, double confidence) {
        Point tipMm = view.toTable(tip.x, tip.y);
        Point buttMm = view.toTable(butt.x, butt.y);
        return new CueDetection(tip.x, tip.y, tipMm.x, tipMm.y, butt.x, butt.y,
                Math.toDegrees(Math.atan2(tip.y - butt.y, tip.x - butt.x)),
                Math.toDegrees(Math.atan2(tipMm.y - buttMm.y, tipMm.x - buttMm.x)), confidence);
    }

    private boolean tipAtEnd(Line stick, Point start, Point end, TableView view, List<BallDetection> balls) {
        double reach = CUE_BALL_REACH_RADII * view.ballRadiusPx();
        BallDetection nearestCueBall = null;
        double nearest = Double.MAX_VALUE;
        for (BallDetection ball : balls) {
            if (!ball.type().isCueBall()) {
                continue;
            }
            double toLine = stick.distanceTo((ball.px() - roi.x + 0.5) * scale - 0.5, (ball.py() - roi.y + 0.5) * scale - 0.5)
                    / scale;
            double toEnds = Math.min(Math.hypot(ball.px() - start.x, ball.py() - start.y),
                    Math.hypot(ball.px() - end.x, ball.py() - end.y));
            if (toLine <= reach && toEnds < nearest) {
                nearest = toEnds;
                nearestCueBall = ball;
            }
        }
        if (nearestCueBall != null) {
            BallDetection ball = nearestCueBall;
            return Math.hypot(ball.px() - end.x, ball.py() - end.y) < Math.hypot(ball.px() - start.x, ball.py() - start.y);
        }
        return depthAt(stick.endX(), stick.endY()) > depthAt(stick.startX(), stick.startY());
    }

    private double depthAt(double x, double y) {
        int cols = (int) workSize.width;
        int col = (int) Math.round(Math.min(Math.max(x, 0), cols - 1));
        int row = (int) Math.round(Math.min(Math.max(y, 0), workSize.height - 1));
        return depth[row * cols + col];
    }

    private Point toImage(double x, double y) {
        return new Point(roi.x + (x + 0.5) / scale - 0.5, roi.y + (y + 0.5) / scale - 0.5);
    }

    /** Rebuilds the reduced playing-area mask (inset from the cushions, less the pockets) for a new view. */
    private void prepareFor(TableView view, Size imageSize) {
        if (view == preparedView) {
            return;
        }
        TableSpec spec = view.spec();
        pxPerMm = view.pixelsPerMmAt(spec.lengthMm() / 2, spec.widthMm() / 2);
        // A whole-number reduction: OpenCV averages n x n blocks many times faster than a fractional area resize.
        int reduction = (int) Math.max(1, Math.round(WORK_MM_PER_PX * pxPerMm));
        scale = 1.0 / reduction;
        mmPerWorkPx = reduction / pxPerMm;
        MatOfPoint polygon = new MatOfPoint(view.cornersPx());
        Rect bounds = Imgproc.boundingRect(polygon);
        polygon.release();
        int x0 = Math.max(0, bounds.x);
        int y0 = Math.max(0, bounds.y);
        int x1 = Math.min((int) imageSize.width, bounds.x + bounds.width);
        int y1 = Math.min((int) imageSize.height, bounds.y + bounds.height);
        roi = new Rect(x0, y0, Math.max(reduction, (x1 - x0) / reduction * reduction),
                Math.max(reduction, (y1 - y0) / reduction * reduction));
        workSize = new Size(roi.width / reduction, roi.height / reduction);
        area.release();
        area = Mat.zeros((int) workSize.height, (int) workSize.width, CvType.CV_8UC1);
        Point[] corners = new Point[4];
        for (int i = 0; i < 4; i++) {
            Point corner = view.cornersPx()[i];
            corners[i] = new Point((corner.x - x0 + 0.5) * scale - 0.5, (corner.y - y0 + 0.5) * scale - 0.5);
        }
        MatOfPoint shape = new MatOfPoint(corners);
        Imgproc.fillConvexPoly(area, shape, new Scalar(255));
        shape.release();
        // The polygon reaches the image's edges, which erosion and the distance transform do not count as edges.
        Imgproc.rectangle(area, new Point(0, 0), new Point(workSize.width - 1, workSize.height - 1), new Scalar(0), 1);
        int inset = (int) Math.ceil(EDGE_INSET_MM / mmPerWorkPx);
        Mat insetKernel = kernel(Imgproc.MORPH_RECT, 2 * inset + 1);
        Imgproc.erode(area, area, insetKernel);
        insetKernel.release();
        if (blobOpening != null) {
            blobOpening.release();
        }
        blobOpening = new EllipseOpening(Math.max(5, (int) Math.round(BLOB_MM / mmPerWorkPx)) | 1);
        for (TableSpec.Pocket pocket : view.pockets()) {
            Point centre = view.toPixel(pocket.x(), pocket.y());
            double r = pocket.radiusMm() / mmPerWorkPx + inset;
            Imgproc.circle(area, new Point((centre.x - x0 + 0.5) * scale - 0.5, (centre.y - y0 + 0.5) * scale - 0.5),
                    (int) Math.round(r), new Scalar(0), -1);
        }
        Mat distance = new Mat();
        Imgproc.distanceTransform(area, distance, Imgproc.DIST_L2, Imgproc.DIST_MASK_3);
        depth = new float[(int) distance.total()];
        distance.get(0, 0, depth);
        distance.release();
        preparedView = view;
    }
}

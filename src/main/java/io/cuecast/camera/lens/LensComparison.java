package io.cuecast.camera.lens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point;
import org.opencv.core.Point3;
import org.opencv.core.TermCriteria;

/**
 * How far a solved calibration is from a reference one: the relative error of each intrinsic, and,
 * since different coefficient sets can bend the image alike, where the two models put the same
 * ray in the image: the largest and the root-mean-square pixel gap over a grid across the image.
 *
 * @param gapMaxPx the largest gap, in pixels, between where the two models image one ray
 * @param gapRmsPx the root-mean-square of those gaps over a 32 x 18 grid
 * @param gapCoverage the share of that grid compared: the reference model folds back near a wide
 *                    lens's image corners, where it maps no ray to the pixel
 */
public record LensComparison(double fxError, double fyError, double cxError, double cyError,
                             double[] distortionDifference, double gapMaxPx, double gapRmsPx, double gapCoverage) {
    private static final int GRID_COLUMNS = 32;
    private static final int GRID_ROWS = 18;
    private static final double ROUND_TRIP_PX = 0.01;

    /**
     * Reads a reference calibration: this project's format, or the {@code {"mtx": 3x3, "dist": [[...]]}}
     * that OpenCV's Python samples write (which has no image size: it is taken to be for
     * {@code width} x {@code height}, the size this project's format is scaled to).
     */
    public static LensCalibration readReference(Path file, int width, int height) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read reference calibration '" + file + "': " + e.getMessage(), e);
        }
        if (root != null && root.has("camera_matrix")) {
            return LensCalibration.read(file).scaledTo(width, height);
        }
        JsonNode matrix = root == null ? null : root.get("mtx");
        if (matrix == null || !root.has("dist")) {
            throw new IllegalArgumentException("reference calibration '" + file
                    + "' has neither camera_matrix and distortion nor mtx and dist");
        }
        return new LensCalibration(width, height, matrix.path(0).path(0).asDouble(Double.NaN),
                matrix.path(1).path(1).asDouble(Double.NaN), matrix.path(0).path(2).asDouble(Double.NaN),
                matrix.path(1).path(2).asDouble(Double.NaN), LensCalibration.numbers(root.get("dist")), Double.NaN);
    }

    public static LensComparison of(LensCalibration solved, LensCalibration reference) {
        double[] a = solved.distortion();
        double[] b = reference.distortion();
        double[] difference = new double[Math.max(a.length, b.length)];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = (i < a.length ? a[i] : 0) - (i < b.length ? b[i] : 0);
        }
        double[] gaps = gaps(solved, reference);
        double sumSquares = 0;
        double max = 0;
        for (double gap : gaps) {
            sumSquares += gap * gap;
            max = Math.max(max, gap);
        }
        return new LensComparison(relative(solved.fx(), reference.fx()), relative(solved.fy(), reference.fy()),
                relative(solved.cx(), reference.cx()), relative(solved.cy(), reference.cy()), difference, max,
                Math.sqrt(sumSquares / gaps.length), (double) gaps.length / (GRID_COLUMNS * GRID_ROWS));
    }

    /**
     * For pixels on a grid across the image: the ray the reference sees there, imaged by the solved
     * model; the gap between the two.
     */
    private static double[] gaps(LensCalibration solved, LensCalibration reference) {
        List<Point> grid = new ArrayList<>();
        for (int row = 0; row < GRID_ROWS; row++) {
            for (int column = 0; column < GRID_COLUMNS; column++) {
                grid.add(new Point((column + 0.5) * reference.width() / GRID_COLUMNS,
                        (row + 0.5) * reference.height() / GRID_ROWS));
            }
        }
        MatOfPoint2f pixels = new MatOfPoint2f(grid.toArray(Point[]::new));
        MatOfPoint2f rays = new MatOfPoint2f();
        Mat referenceCamera = reference.cameraMatrix();
        Mat referenceDistortion = reference.distortionCoefficients();
        Mat solvedCamera = solved.cameraMatrix();
        MatOfDouble solvedDistortion = new MatOfDouble(solved.distortion());
        try {
            Calib3d.undistortPointsIter(pixels, rays, referenceCamera, referenceDistortion, new Mat(), new Mat(),
                    new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 200, 1e-10));
            Point3[] points = new Point3[grid.size()];
            Point[] normalised = rays.toArray();
            for (int i = 0; i < points.length; i++) {
                points[i] = new Point3(normalised[i].x, normalised[i].y, 1);
            }
            MatOfPoint3f objects = new MatOfPoint3f(points);
            Point[] back = project(objects, solvedCamera, solvedDistortion);
            Point[] roundTrip = project(objects, referenceCamera, new MatOfDouble(reference.distortion()));
            objects.release();
            List<Double> gaps = new ArrayList<>();
            for (int i = 0; i < back.length; i++) {
                if (Math.hypot(roundTrip[i].x - grid.get(i).x, roundTrip[i].y - grid.get(i).y) < ROUND_TRIP_PX) {
                    gaps.add(Math.hypot(back[i].x - grid.get(i).x, back[i].y - grid.get(i).y));
                }
            }
            return gaps.stream().mapToDouble(Double::doubleValue).toArray();
        } finally {
            for (Mat mat : List.of(pixels, rays, referenceCamera, referenceDistortion, solvedCamera)) {
                mat.release();
            }
        }
    }

    private static Point[] project(MatOfPoint3f rays, Mat camera, MatOfDouble distortion) {
        Mat zero = Mat.zeros(3, 1, CvType.CV_64F);
        MatOfPoint2f imaged = new MatOfPoint2f();
        Calib3d.projectPoints(rays, zero, zero, camera, distortion, imaged);
        Point[] points = imaged.toArray();
        zero.release();
        imaged.release();
        distortion.release();
        return points;
    }

    private static double relative(double value, double reference) {
        return (value - reference) / reference;
    }

    /** A few lines for a person: each intrinsic's relative error, the coefficient differences, the gaps. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "against the reference: fx %+.3f%%, fy %+.3f%%, cx %+.3f%%, cy %+.3f%%; distortion differences",
                100 * fxError, 100 * fyError, 100 * cxError, 100 * cyError));
        for (double d : distortionDifference) {
            text.append(String.format(Locale.ROOT, " %+.5f", d));
        }
        text.append(String.format(Locale.ROOT,
                "; the two models image the same ray %.2f px apart at most, %.2f px rms, over %.0f%% of the image",
                gapMaxPx, gapRmsPx, 100 * gapCoverage));
        return text.toString();
    }
}

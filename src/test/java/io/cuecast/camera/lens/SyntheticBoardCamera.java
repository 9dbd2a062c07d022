package io.cuecast.camera.lens;

import io.cuecast.camera.OpenCvNatives;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CharucoBoard;

/**
 * Photographs a ChArUco board, drawn by OpenCV, through a known camera: every image pixel's ray
 * (the lens model inverted with undistortPointsIter) is met with the board's plane, and the board
 * picture is sampled there. What a calibration should recover is {@link #lens()}.
 */
final class SyntheticBoardCamera {
    private static final int PX_PER_SQUARE = 80;
    private static final int MARGIN_PX = 60;

    private final CharucoBoardSpec spec;
    private final LensCalibration lens;
    private final Mat boardPicture;
    /** Every image pixel's ray, as normalised camera coordinates (x/z, y/z), 1 x (w*h) CV_32FC2. */
    private final Mat rays;

    SyntheticBoardCamera(CharucoBoardSpec spec, LensCalibration lens) {
        OpenCvNatives.load();
        this.spec = spec;
        this.lens = lens;
        this.boardPicture = new Mat();
        this.rays = new Mat();
        CharucoBoard board = spec.create();
        board.generateImage(new Size(spec.columns() * PX_PER_SQUARE + 2 * MARGIN_PX,
                spec.rows() * PX_PER_SQUARE + 2 * MARGIN_PX), boardPicture, MARGIN_PX);
        Point[] pixels = new Point[lens.width() * lens.height()];
        for (int y = 0; y < lens.height(); y++) {
            for (int x = 0; x < lens.width(); x++) {
                pixels[y * lens.width() + x] = new Point(x, y);
            }
        }
        MatOfPoint2f grid = new MatOfPoint2f(pixels);
        Mat camera = lens.cameraMatrix();
        Mat distortion = lens.distortionCoefficients();
        Calib3d.undistortPointsIter(grid, rays, camera, distortion, new Mat(), new Mat(),
                new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 50, 1e-9));
        grid.release();
        camera.release();
        distortion.release();
    }

    LensCalibration lens() {
        return lens;
    }

    /**
     * The board seen turned by {@code rotation} (a Rodrigues vector, radians) about its centre, its
     * centre at ({@code x}, {@code y}, {@code z}) millimetres in camera coordinates.
     */
    Mat photograph(double[] rotation, double x, double y, double z) {
        Mat rotationVector = new Mat(3, 1, CvType.CV_64F);
        rotationVector.put(0, 0, rotation);
        Mat r = new Mat();
        Calib3d.Rodrigues(rotationVector, r);
        double halfWidth = spec.columns() * spec.squareMm() / 2;
        double halfHeight = spec.rows() * spec.squareMm() / 2;
        // t = centre - R * (board centre): board point (bx, by, 0) lands at R*(bx, by, 0) + t.
        double tx = x - (r.get(0, 0)[0] * halfWidth + r.get(0, 1)[0] * halfHeight);
        double ty = y - (r.get(1, 0)[0] * halfWidth + r.get(1, 1)[0] * halfHeight);
        double tz = z - (r.get(2, 0)[0] * halfWidth + r.get(2, 1)[0] * halfHeight);
        // Board (bx, by, 1) -> normalised ray, up to scale: the columns r1, r2, t.
        Mat boardToRay = new Mat(3, 3, CvType.CV_64F);
        boardToRay.put(0, 0, r.get(0, 0)[0], r.get(0, 1)[0], tx, r.get(1, 0)[0], r.get(1, 1)[0], ty,
                r.get(2, 0)[0], r.get(2, 1)[0], tz);
        Mat rayToBoard = boardToRay.inv();
        double scale = PX_PER_SQUARE / spec.squareMm();
        Mat boardToPicture = new Mat(3, 3, CvType.CV_64F);
        // Picture pixel centres sit at integer coordinates: board millimetre 0 is the pixel edge -0.5.
        boardToPicture.put(0, 0, scale, 0, MARGIN_PX - 0.5, 0, scale, MARGIN_PX - 0.5, 0, 0, 1);
        Mat rayToPicture = new Mat();
        Core.gemm(boardToPicture, rayToBoard, 1, new Mat(), 0, rayToPicture);
        Mat map = new Mat();
        Core.perspectiveTransform(rays, map, rayToPicture);
        Mat photo = new Mat();
        Imgproc.remap(boardPicture, photo, map.reshape(2, lens.height()), new Mat(), Imgproc.INTER_LINEAR,
                Core.BORDER_CONSTANT, new Scalar(255));
        for (Mat mat : new Mat[] {rotationVector, r, boardToRay, rayToBoard, boardToPicture, rayToPicture, map}) {
            mat.release();
        }
        Mat bgr = new Mat();
        Imgproc.cvtColor(photo, bgr, Imgproc.COLOR_GRAY2BGR);
        photo.release();
        return bgr;
    }
}

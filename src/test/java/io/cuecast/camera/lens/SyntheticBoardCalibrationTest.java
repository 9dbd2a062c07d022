package io.cuecast.camera.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Point3;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Calibration without any data: a ChArUco board drawn by OpenCV, photographed in several poses
 * through a camera with known intrinsics and barrel distortion, must give that camera back; and
 * undistorting with the result must make the board's straight lines straight again.
 */
class SyntheticBoardCalibrationTest {
    private static final CharucoBoardSpec BOARD = new CharucoBoardSpec(6, 8, 34, 27, "DICT_4X4_50", false);
    private static final LensCalibration CAMERA = new LensCalibration(1280, 720, 900, 905, 650, 355,
            new double[] {-0.28, 0.09, 0.0008, -0.0006, -0.01}, Double.NaN);
    /** Poses: rotation (Rodrigues, rad), board centre x, y, z (mm): the middle, and into each corner. */
    private static final double[][] POSES = {
        {0.0, 0.0, 0.05, 0, 0, 420},
        {0.3, 0.0, 0.0, -40, 10, 380},
        {-0.2, 0.3, 1.57, 30, -10, 400},
        {0.2, 0.25, 0.1, -230, -110, 430},
        {-0.2, 0.25, -0.1, 230, -110, 430},
        {0.2, -0.25, -0.1, -230, 110, 430},
        {-0.2, -0.25, 0.1, 230, 110, 430},
        {0.0, 0.45, 0.0, 0, 0, 500},
    };

    @Test
    void recoversTheCameraThatTookThePictures() {
        SyntheticBoardCamera camera = new SyntheticBoardCamera(BOARD, CAMERA);
        LensCalibrator calibrator = new LensCalibrator(BOARD);
        List<LensCalibrator.BoardView> views = new ArrayList<>();
        for (double[] pose : POSES) {
            Mat photo = camera.photograph(new double[] {pose[0], pose[1], pose[2]}, pose[3], pose[4], pose[5]);
            calibrator.find("pose " + views.size(), photo).ifPresent(views::add);
            photo.release();
        }
        assertEquals(POSES.length, views.size(), "the board is found in every picture");

        LensCalibrator.Result result = LensCalibrator.calibrate(views);
        LensCalibration solved = result.calibration();
        LensComparison comparison = LensComparison.of(solved, CAMERA);
        String figures = solved + "; " + comparison.describe();
        System.out.println("synthetic board: " + figures);
        assertTrue(solved.rmsPx() < 0.3, "the corners are found to a fraction of a pixel: " + figures);
        assertTrue(Math.abs(comparison.fxError()) < 0.005 && Math.abs(comparison.fyError()) < 0.005,
                "focal lengths within 0.5%: " + figures);
        assertTrue(Math.abs(solved.cx() - CAMERA.cx()) < 3 && Math.abs(solved.cy() - CAMERA.cy()) < 3,
                "centre within 3 px: " + figures);
        // Reached: 1.24 px at most (in the picture's corners, which the board reaches least), 0.42 px rms.
        assertTrue(comparison.gapMaxPx() < 2.0 && comparison.gapRmsPx() < 0.6 && comparison.gapCoverage() > 0.99,
                "the lens model images every ray within 2 px of the true camera, 0.6 px rms: " + figures);
    }

    @Test
    void undistortionMakesTheBoardFlatAgain() {
        SyntheticBoardCamera camera = new SyntheticBoardCamera(BOARD, CAMERA);
        LensCalibrator calibrator = new LensCalibrator(BOARD);
        Mat photo = camera.photograph(new double[] {0.1, -0.15, 0.05}, -60, 20, 360);
        double bentPx = homographyMisfit(calibrator.find("distorted", photo).orElseThrow());

        LensUndistorter undistorter = new LensUndistorter(CAMERA);
        Mat straight = undistorter.undistort(photo);
        double straightPx = homographyMisfit(calibrator.find("undistorted", straight).orElseThrow());
        String figures = String.format(Locale.ROOT, "board corners off a plane's homography: %.2f px as taken, "
                + "%.2f px undistorted", bentPx, straightPx);
        System.out.println(figures);
        assertTrue(bentPx > 5, "the lens bends the board: " + figures);
        assertTrue(straightPx < 0.5, "undistorted, the board is a plane seen by a pinhole: " + figures);

        Mat half = new Mat();
        Imgproc.resize(photo, half, new Size(640, 360));
        Mat halfStraight = undistorter.undistort(half);
        double halfPx = homographyMisfit(calibrator.find("half size", halfStraight).orElseThrow());
        assertTrue(halfPx < 0.5, "the same lens at half the resolution is undistorted alike: " + halfPx + " px");
        for (Mat mat : new Mat[] {photo, straight, half, halfStraight}) {
            mat.release();
        }
        undistorter.close();
    }

    /** The largest distance between a found corner and the best homography from the board to the picture. */
    private static double homographyMisfit(LensCalibrator.BoardView view) {
        Point3[] board = view.boardPoints().toArray();
        Point[] flat = new Point[board.length];
        for (int i = 0; i < board.length; i++) {
            flat[i] = new Point(board[i].x, board[i].y);
        }
        MatOfPoint2f from = new MatOfPoint2f(flat);
        Mat homography = Calib3d.findHomography(from, view.imagePoints());
        MatOfPoint2f mapped = new MatOfPoint2f();
        Core.perspectiveTransform(from, mapped, homography);
        Point[] expected = mapped.toArray();
        Point[] found = view.imagePoints().toArray();
        double worst = 0;
        for (int i = 0; i < found.length; i++) {
            worst = Math.max(worst, Math.hypot(found[i].x - expected[i].x, found[i].y - expected[i].y));
        }
        return worst;
    }
}

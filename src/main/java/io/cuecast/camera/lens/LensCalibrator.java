package io.cuecast.camera.lens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point3;
import org.opencv.core.Size;
import org.opencv.objdetect.CharucoBoard;
import org.opencv.objdetect.CharucoDetector;

/**
 * Solves a camera's intrinsics and distortion from pictures of a ChArUco board: OpenCV's
 * {@link CharucoDetector} finds the chessboard corners between identified markers (so a board
 * partly out of view or bent by the lens still gives labelled corners), and
 * {@link Calib3d#calibrateCameraExtended} fits the pinhole model with five distortion coefficients.
 */
public final class LensCalibrator {
    /** Fewer corners than this in a view pin down too little (and may all lie on one line). */
    public static final int MIN_CORNERS = 6;
    /** Fewer views than this leave focal length and distortion entangled. */
    public static final int MIN_VIEWS = 3;

    private final CharucoBoard board;
    private final CharucoDetector detector;
    private final Point3[] boardCorners;

    public LensCalibrator(CharucoBoardSpec spec) {
        this.board = spec.create();
        this.detector = new CharucoDetector(board);
        this.boardCorners = board.getChessboardCorners().toArray();
    }

    /** The board's corners found in one image: where they are in it, and where on the board. */
    public record BoardView(String name, int width, int height, MatOfPoint2f imagePoints, MatOfPoint3f boardPoints) {
        public int corners() {
            return imagePoints.rows();
        }
    }

    /** One image's calibration share: its corners and how far the solved model misses them. */
    public record ViewFit(String name, int corners, double rmsPx) {
    }

    /** The solved calibration and each view's fit. */
    public record Result(LensCalibration calibration, List<ViewFit> views) {
    }

    /** The board's corners in {@code image} (BGR or grey), or empty when too few are seen to use. */
    public Optional<BoardView> find(String name, Mat image) {
        Mat corners = new Mat();
        Mat ids = new Mat();
        detector.detectBoard(image, corners, ids);
        try {
            if (ids.rows() < MIN_CORNERS || board.checkCharucoCornersCollinear(ids)) {
                return Optional.empty();
            }
            int[] idValues = new int[ids.rows()];
            ids.get(0, 0, idValues);
            Point3[] onBoard = new Point3[idValues.length];
            for (int i = 0; i < idValues.length; i++) {
                onBoard[i] = boardCorners[idValues[i]];
            }
            MatOfPoint2f inImage = new MatOfPoint2f();
            corners.convertTo(inImage, CvType.CV_32FC2);
            return Optional.of(new BoardView(name, image.cols(), image.rows(), inImage, new MatOfPoint3f(onBoard)));
        } finally {
            corners.release();
            ids.release();
        }
    }

    /**
     * Fits the camera to the views, which must all come from images of one size.
     *
     * @throws IllegalArgumentException when there are fewer than {@link #MIN_VIEWS} or their sizes differ
     */
    public static Result calibrate(List<BoardView> views) {
        if (views.size() < MIN_VIEWS) {
            throw new IllegalArgumentException("the board was found in " + views.size() + " image(s), and at least "
                    + MIN_VIEWS + " are needed, each with " + MIN_CORNERS + " corners or more");
        }
        BoardView first = views.get(0);
        for (BoardView view : views) {
            if (view.width() != first.width() || view.height() != first.height()) {
                throw new IllegalArgumentException("all images must have one size: " + first.name() + " is "
                        + first.width() + "x" + first.height() + ", " + view.name() + " is " + view.width() + "x"
                        + view.height());
            }
        }
        List<Mat> boardPoints = new ArrayList<>(views.stream().map(v -> (Mat) v.boardPoints()).toList());
        List<Mat> imagePoints = new ArrayList<>(views.stream().map(v -> (Mat) v.imagePoints()).toList());
        Mat camera = new Mat();
        Mat distortion = new Mat();
        List<Mat> rotations = new ArrayList<>();
        List<Mat> translations = new ArrayList<>();
        Mat intrinsicsDeviation = new Mat();
        Mat extrinsicsDeviation = new Mat();
        Mat perViewErrors = new Mat();
        try {
            double rms = Calib3d.calibrateCameraExtended(boardPoints, imagePoints, new Size(first.width(), first.height()),
                    camera, distortion, rotations, translations, intrinsicsDeviation, extrinsicsDeviation, perViewErrors);
            double[] coefficients = new double[(int) distortion.total()];
            distortion.get(0, 0, coefficients);
            LensCalibration calibration = new LensCalibration(first.width(), first.height(), camera.get(0, 0)[0],
                    camera.get(1, 1)[0], camera.get(0, 2)[0], camera.get(1, 2)[0], coefficients, rms);
            List<ViewFit> fits = new ArrayList<>();
            for (int i = 0; i < views.size(); i++) {
                fits.add(new ViewFit(views.get(i).name(), views.get(i).corners(), perViewErrors.get(i, 0)[0]));
            }
            return new Result(calibration, fits);
        } finally {
            rotations.forEach(Mat::release);
            translations.forEach(Mat::release);
            for (Mat mat : List.of(camera, distortion, intrinsicsDeviation, extrinsicsDeviation, perViewErrors)) {
                mat.release();
            }
        }
    }
}

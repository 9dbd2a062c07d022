package io.cuecast.camera.lens;

import io.cuecast.camera.OpenCvNatives;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Takes the lens distortion out of frames. The pixel maps are computed once per frame size
 * (initUndistortRectifyMap), so that each frame costs one remap. The undistorted frame keeps the
 * camera's size and camera matrix, so the middle of the picture keeps its scale; what a wide lens
 * squeezes into the picture's corners is pushed out of it. (Keeping the whole field instead,
 * getOptimalNewCameraMatrix with alpha 1, shrinks the middle, and past the field where the
 * polynomial model holds it folds the corners back into garbage.)
 *
 * <p>Not thread-safe: one undistorter serves one camera.
 */
public final class LensUndistorter implements AutoCloseable {
    private final LensCalibration calibration;
    private final Mat mapX;
    private final Mat mapY;
    private int mappedWidth;
    private int mappedHeight;

    public LensUndistorter(LensCalibration calibration) {
        OpenCvNatives.load();
        this.calibration = calibration;
        this.mapX = new Mat();
        this.mapY = new Mat();
    }

    /**
     * A new undistorted image (the caller releases both).
     *
     * @throws IllegalArgumentException when the image's aspect ratio is not the calibration's
     */
    public Mat undistort(Mat image) {
        if (image.cols() != mappedWidth || image.rows() != mappedHeight) {
            computeMaps(calibration.scaledTo(image.cols(), image.rows()));
        }
        Mat undistorted = new Mat();
        Imgproc.remap(image, undistorted, mapX, mapY, Imgproc.INTER_LINEAR);
        return undistorted;
    }

    private void computeMaps(LensCalibration lens) {
        Mat camera = lens.cameraMatrix();
        Mat distortion = lens.distortionCoefficients();
        Size size = new Size(lens.width(), lens.height());
        Mat identity = Mat.eye(3, 3, CvType.CV_64F);
        try {
            Calib3d.initUndistortRectifyMap(camera, distortion, identity, camera, size, CvType.CV_16SC2, mapX, mapY);
            mappedWidth = lens.width();
            mappedHeight = lens.height();
        } finally {
            camera.release();
            distortion.release();
            identity.release();
        }
    }

    @Override
    public void close() {
        mapX.release();
        mapY.release();
    }
}

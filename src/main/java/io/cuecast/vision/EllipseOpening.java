package io.cuecast.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A morphological opening with OpenCV's elliptic structuring element, pixel for pixel the same as
 * {@code morphologyEx(MORPH_OPEN, ellipse)} but done with rectangles. The ellipse is the union of a
 * few centred rectangles, one per distinct row width; eroding by a union is the least of the
 * erosions by its parts, dilating by it the greatest of the dilations. OpenCV erodes by a rectangle
 * in two 1-D passes but by an ellipse pixel of the element by pixel: a 15x15 ellipse is 169 pixels
 * and 5 rectangles.
 *
 * <p>Holds native kernels: {@link #release()} it when done.
 */
final class EllipseOpening {
    private final List<Mat> rectangles = new ArrayList<>();

    /** The opening with {@code getStructuringElement(MORPH_ELLIPSE, size x size)}, size odd (so the rows are centred). */
    EllipseOpening(int size) {
        if (size % 2 == 0) {
            throw new IllegalArgumentException("the ellipse's size must be odd, not " + size);
        }
        Mat ellipse = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(size, size));
        byte[] element = ClothModel.bytes(ellipse);
        ellipse.release();
        // The rows are centred runs, widest in the middle: a width's rectangle reaches as far as its farthest row.
        Map<Integer, Integer> reachByWidth = new TreeMap<>();
        for (int row = 0; row < size; row++) {
            int width = 0;
            for (int col = 0; col < size; col++) {
                width += element[row * size + col] != 0 ? 1 : 0;
            }
            if (width > 0) {
                reachByWidth.merge(width, Math.abs(row - size / 2), Math::max);
            }
        }
        reachByWidth.forEach((width, reach) -> rectangles.add(
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(width, 2 * reach + 1))));
    }

    void apply(Mat image, Mat opened) {
        Mat eroded = new Mat();
        Mat part = new Mat();
        Imgproc.erode(image, eroded, rectangles.get(0));
        for (Mat rectangle : rectangles.subList(1, rectangles.size())) {
            Imgproc.erode(image, part, rectangle);
            Core.min(eroded, part, eroded);
        }
        Imgproc.dilate(eroded, opened, rectangles.get(0));
        for (Mat rectangle : rectangles.subList(1, rectangles.size())) {
            Imgproc.dilate(eroded, part, rectangle);
            Core.max(opened, part, opened);
        }
        eroded.release();
        part.release();
    }

    void release() {
        rectangles.forEach(Mat::release);
    }
}

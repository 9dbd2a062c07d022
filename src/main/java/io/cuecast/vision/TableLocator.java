package io.cuecast.vision;

import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the playing area from the cloth: the largest cloth-coloured region, closed over the balls
 * on it, outlined as a quadrilateral ({@link ClothOutline}; its minimum-area rectangle when that
 * fits better), with each side moved in to the cushion nose. Which sides are the table's
 * long ones is decided from the rectangle the quadrilateral images, not from the image: seen from
 * one end, the long rails are the shorter sides in the picture.
 */
public final class TableLocator {
    /** The cloth must cover at least this share of the image to count as a table. */
    private static final double MIN_AREA_SHARE = 0.15;
    private final TableSpec spec;

    public TableLocator(TableSpec spec) {
        this.spec = spec;
    }

    public Optional<TableView> locate(Mat bgr, ClothModel cloth) {
        Mat mask = cloth.nonClothMask(bgr);
        try {
            Core.bitwise_not(mask, mask);
            Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(15, 15));
            Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, kernel);
            kernel.release();
            return largestRegion(mask)
                    .filter(region -> Imgproc.contourArea(region) >= MIN_AREA_SHARE * bgr.total())
                    .map(region -> viewOf(region, bgr));
        } finally {
            mask.release();
        }
    }

    private static Optional<MatOfPoint> largestRegion(Mat mask) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(mask, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        hierarchy.release();
        Optional<MatOfPoint> largest = contours.stream().max(Comparator.comparingDouble(Imgproc::contourArea));
        contours.stream().filter(c -> largest.map(l -> l != c).orElse(true)).forEach(Mat::release);
        return largest;
    }

    private TableView viewOf(MatOfPoint region, Mat bgr) {
        Point[] corners = ClothOutline.corners(region);
        region.release();
        Mat lightness = lightness(bgr);
        try {
            Point[] noses = CushionNoseFinder.insetToNoses(lightness, ClothOutline.clockwise(corners));
            return TableView.fromCorners(spec, tableOrder(noses, bgr.cols(), bgr.rows()));
        } finally {
            lightness.release();
        }
    }

    private static Mat lightness(Mat bgr) {
        Mat lab = new Mat();
        Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
        Mat lightness = new Mat();
        Core.extractChannel(lab, lightness, 0);
        lab.release();
        return lightness;
    }

    /**
     * Orders corners as table (0,0), (L,0), (L,W), (0,W): clockwise in the image from the corner
     * nearest the image's top-left, turned a quarter when the table's long side is the second one,
     * as judged from the rectangle the corners image in a picture of this size.
     */
    static Point[] tableOrder(Point[] corners, double imageWidth, double imageHeight) {
        Point[] fromFirst = fromTopLeft(ClothOutline.clockwise(corners));
        boolean longSideFirst = ClothOutline.aspect(fromFirst, imageWidth, imageHeight) >= 1;
        return longSideFirst ? fromFirst : new Point[] {fromFirst[1], fromFirst[2], fromFirst[3], fromFirst[0]};
    }

    /** Clockwise corners turned to start at the one nearest the image's top-left. */
    static Point[] fromTopLeft(Point[] clockwise) {
        int first = 0;
        for (int i = 1; i < 4; i++) {
            if (clockwise[i].x + clockwise[i].y < clockwise[first].x + clockwise[first].y) {
                first = i;
            }
        }
        Point[] turned = new Point[4];
        for (int i = 0; i < 4; i++) {
            turned[i] = clockwise[(first + i) % 4];
        }
        return turned;
    }
}

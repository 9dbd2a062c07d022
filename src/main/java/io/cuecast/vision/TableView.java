package io.cuecast.vision;

import io.cuecast.table.FourCorners;
import io.cuecast.table.TableSpec;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Point;

/**
 * Where the playing area lies in the image: its four corners in pixels, and the maps between image
 * pixels and table millimetres (see {@link TableSpec} for the table axes).
 *
 * @param cornersPx the playing area's corners in pixels, in the order of table (0,0), (L,0), (L,W), (0,W)
 */
public record TableView(TableSpec spec, Point[] cornersPx, Homography pixelToTable, Homography tableToPixel) {

    public static TableView fromCorners(TableSpec spec, Point[] cornersPx) {
        Point[] tableCorners = {
            new Point(0, 0), new Point(spec.lengthMm(), 0),
            new Point(spec.lengthMm(), spec.widthMm()), new Point(0, spec.widthMm())};
        Homography toTable = Homography.fromCorners(cornersPx, tableCorners);
        return new TableView(spec, cornersPx.clone(), toTable, toTable.inverse());
    }

    /** The view of an outline given as fractions of an image of this size (set by hand, say). */
    public static TableView fromOutline(TableSpec spec, FourCorners outline, int imageWidth, int imageHeight) {
        return fromCorners(spec, outline.corners().stream()
                .map(corner -> new Point(corner.x() * imageWidth, corner.y() * imageHeight)).toArray(Point[]::new));
    }

    /** This view's corners as fractions of an image of this size: the inverse of {@link #fromOutline}. */
    public FourCorners outline(int imageWidth, int imageHeight) {
        return new FourCorners(Arrays.stream(cornersPx)
                .map(corner -> new FourCorners.Corner(corner.x / imageWidth, corner.y / imageHeight)).toList());
    }

    public Point toTable(double px, double py) {
        return pixelToTable.apply(px, py);
    }

    public Point toPixel(double xMm, double yMm) {
        return tableToPixel.apply(xMm, yMm);
    }

    /** Pixels per millimetre near a table point (the view may be oblique, so the scale varies). */
    public double pixelsPerMmAt(double xMm, double yMm) {
        Point a = toPixel(xMm, yMm);
        Point b = toPixel(xMm + 10, yMm);
        Point c = toPixel(xMm, yMm + 10);
        return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 20;
    }

    /** The ball radius in pixels at the middle of the table. */
    public double ballRadiusPx() {
        return spec.ballRadiusMm() * magnificationAt(spec.lengthMm() / 2, spec.widthMm() / 2);
    }

    /** The ball radius in pixels where a ball imaged at pixel (px, py) lies: far balls look smaller. */
    public double ballRadiusPxAt(double px, double py) {
        Point onTable = toTable(px, py);
        return spec.ballRadiusMm() * magnificationAt(onTable.x, onTable.y);
    }

    /**
     * Pixels per millimetre along the table direction least foreshortened at a table point (the
     * larger singular value of the map's derivative): a ball, being round, looks as wide as that in
     * every direction, while the table plane is squeezed along the line of sight.
     */
    private double magnificationAt(double xMm, double yMm) {
        Point a = toPixel(xMm, yMm);
        Point b = toPixel(xMm + 10, yMm);
        Point c = toPixel(xMm, yMm + 10);
        double j11 = (b.x - a.x) / 10;
        double j21 = (b.y - a.y) / 10;
        double j12 = (c.x - a.x) / 10;
        double j22 = (c.y - a.y) / 10;
        double sumOfSquares = j11 * j11 + j12 * j12 + j21 * j21 + j22 * j22;
        double determinant = j11 * j22 - j12 * j21;
        return Math.sqrt((sumOfSquares + Math.sqrt(Math.max(0, sumOfSquares * sumOfSquares - 4 * determinant * determinant))) / 2);
    }

    public List<TableSpec.Pocket> pockets() {
        return spec.pockets();
    }

    /** How far apart two views' corners are, in pixels: the largest corner displacement. */
    public double cornerShiftFrom(TableView other) {
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(worst, Math.hypot(cornersPx[i].x - other.cornersPx[i].x, cornersPx[i].y - other.cornersPx[i].y));
        }
        return worst;
    }
}

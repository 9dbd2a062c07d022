package io.cuecast.camera.sim;

import io.cuecast.camera.OpenCvNatives;
import io.cuecast.table.Rgb;
import io.cuecast.table.TableSpec;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.Random;

/**
 * Paints the parts of the picture that never move, once: floor, wooden rails with diamonds, cushions,
 * pockets and the cloth, under overhead lights that fall off towards the edges.
 *
 * <p>First a label image says which part each pixel belongs to (drawn as polygons and circles in
 * table millimetres), then each pixel is coloured and textured by its label.
 */
final class TableBackground {
    private static final int FLOOR = 0;
    private static final int RAIL = 1;
    private static final int LINER = 2;
    private static final int CUSHION = 3;
    private static final int CLOTH = 4;
    private static final int HOLE = 5;

    private static final Rgb FLOOR_COLOUR = new Rgb(40, 36, 33);
    private static final Rgb WOOD_COLOUR = new Rgb(122, 66, 34);
    private static final Rgb LINER_COLOUR = new Rgb(30, 28, 27);
    private static final Rgb HOLE_COLOUR = new Rgb(10, 10, 11);
    private static final Rgb DIAMOND_COLOUR = new Rgb(228, 224, 210);

    /** How much darker the cushion tops are than the bed, as they slope away from the light. */
    private static final double CUSHION_SHADE = 0.8;
    /** Corner jaws narrow the pocket throat: the jaw runs this far along the rail per mm of depth. */
    private static final double CORNER_JAW_SLOPE = 1.25;
    /** Side jaws are nearly square to the rail. */
    private static final double SIDE_JAW_SLOPE = 0.25;
    private static final double LINER_MM = 12;
    private static final double DIAMOND_HALF_LENGTH_MM = 11;
    private static final double DIAMOND_HALF_WIDTH_MM = 5;
    private static final int SUBPIXEL_SHIFT = 4;

    private final SimulatorLayout layout;
    private final TableSpec table;
    private final double cushion = SimulatorLayout.CUSHION_WIDTH_MM;
    private final double border = SimulatorLayout.CUSHION_WIDTH_MM + SimulatorLayout.RAIL_WIDTH_MM;

    private TableBackground(SimulatorLayout layout) {
        this.layout = layout;
        this.table = layout.table();
    }

    /** The static table picture, BGR; the caller owns the Mat. */
    static Mat paint(SimulatorLayout layout, Rgb cloth, Random random) {
        OpenCvNatives.load();
        return new TableBackground(layout).paint(cloth, random);
    }

    private Mat paint(Rgb cloth, Random random) {
        Mat labels = labels();
        byte[] labelBytes = new byte[layout.widthPx() * layout.heightPx()];
        labels.get(0, 0, labelBytes);
        labels.release();

        Mat image = new Mat(layout.heightPx(), layout.widthPx(), CvType.CV_8UC3);
        image.put(0, 0, colour(labelBytes, cloth, random));
        drawDiamonds(image);
        // A real lens is never perfectly sharp; this also softens the label edges.
        Imgproc.GaussianBlur(image, image, new Size(3, 3), 0.6);
        return image;
    }

    private Mat labels() {
        Mat labels = Mat.zeros(layout.heightPx(), layout.widthPx(), CvType.CV_8UC1);
        double length = table.lengthMm();
        double width = table.widthMm();
        fillPolygon(labels, new double[][] {{-border, -border}, {length + border, -border},
                {length + border, width + border}, {-border, width + border}}, RAIL);
        for (double[] hole : holes()) {
            fillCircle(labels, hole[0], hole[1], hole[2] + LINER_MM, LINER);
        }
        fillPolygon(labels, new double[][] {{-cushion, -cushion}, {length + cushion, -cushion},
                {length + cushion, width + cushion}, {-cushion, width + cushion}}, CLOTH);
        for (double[][] quad : cushions()) {
            fillPolygon(labels, quad, CUSHION);
        }
        for (double[] hole : holes()) {
            fillCircle(labels, hole[0], hole[1], hole[2], HOLE);
        }
        return labels;
    }

    /**
     * The six cushions as quadrilaterals from nose (on the playing area's edge) to rail, cut back at
     * the pocket mouths by the jaws.
     */
    private double[][][] cushions() {
        double length = table.lengthMm();
        double width = table.widthMm();
        double corner = table.cornerPocketMouthMm() / Math.sqrt(2);
        double cornerBack = corner - cushion * CORNER_JAW_SLOPE;
        double side = table.sidePocketMouthMm() / 2;
        double sideBack = side - cushion * SIDE_JAW_SLOPE;
        double mid = length / 2;
        return new double[][][] {
            {{corner, 0}, {mid - side, 0}, {mid - sideBack, -cushion}, {cornerBack, -cushion}},
            {{mid + side, 0}, {length - corner, 0}, {length - cornerBack, -cushion}, {mid + sideBack, -cushion}},
            {{corner, width}, {mid - side, width}, {mid - sideBack, width + cushion}, {cornerBack, width + cushion}},
            {{mid + side, width}, {length - corner, width}, {length - cornerBack, width + cushion},
                {mid + sideBack, width + cushion}},
            {{0, corner}, {0, width - corner}, {-cushion, width - cornerBack}, {-cushion, cornerBack}},
            {{length, corner}, {length, width - corner}, {length + cushion, width - cornerBack},
                {length + cushion, cornerBack}},
        };
    }

    /** Pocket holes {x, y, radius}: set back behind the mouths so they fill the throat between the jaws. */
    private double[][] holes() {
        double length = table.lengthMm();
        double width = table.widthMm();
        double cornerRadius = table.cornerPocketMouthMm() / 2;
        double sideRadius = table.sidePocketMouthMm() * 0.42;
        // The corner hole passes through the back ends of both jaws.
        double jawBack = table.cornerPocketMouthMm() / Math.sqrt(2) - cushion * CORNER_JAW_SLOPE;
        double a = 2;
        double b = 2 * (jawBack - cushion);
        double c = jawBack * jawBack + cushion * cushion - cornerRadius * cornerRadius;
        double cornerSetBack = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
        double sideSetBack = cushion * 0.9;
        return new double[][] {
            {-cornerSetBack, -cornerSetBack, cornerRadius},
            {length / 2, -sideSetBack, sideRadius},
            {length + cornerSetBack, -cornerSetBack, cornerRadius},
            {-cornerSetBack, width + cornerSetBack, cornerRadius},
            {length / 2, width + sideSetBack, sideRadius},
            {length + cornerSetBack, width + cornerSetBack, cornerRadius},
        };
    }

    private byte[] colour(byte[] labels, Rgb cloth, Random random) {
        int w = layout.widthPx();
        int h = layout.heightPx();
        ValueNoise blotches = new ValueNoise(w, h, 28, random);
        ValueNoise woodFigure = new ValueNoise(w, h, 60, random);
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            double ym = layout.yToMm(y);
            for (int x = 0; x < w; x++) {
                double xm = layout.xToMm(x);
                double fine = random.nextGaussian();
                double blotch = blotches.at(x, y);
                double outX = Math.max(Math.max(-xm, xm - table.lengthMm()), 0);
                double outY = Math.max(Math.max(-ym, ym - table.widthMm()), 0);
                double beyondNose = Math.hypot(outX, outY);
                double brightness;
                Rgb base;
                switch (labels[y * w + x]) {
                    case CLOTH -> {
                        base = cloth;
                        double insideNose = Math.min(Math.min(xm, table.lengthMm() - xm), Math.min(ym, table.widthMm() - ym));
                        // The overhanging cushion nose shades a thin strip of the bed; between the
                        // jaws the shelf slopes down into the pocket, away from the light.
                        double noseShadow = insideNose >= 0 && insideNose < 8 ? 0.86 + 0.14 * insideNose / 8 : 1;
                        double shelf = 1 - 0.45 * Math.min(1, beyondNose / cushion);
                        brightness = noseShadow * shelf * (1 + 0.035 * blotch + 0.02 * fine);
                    }
                    case CUSHION -> {
                        base = cloth;
                        // The rounded nose catches the light; the slope behind it is darker.
                        double nose = Math.exp(-beyondNose / 5);
                        brightness = (CUSHION_SHADE + 0.3 * nose) * (1 + 0.03 * blotch + 0.02 * fine);
                    }
                    case RAIL -> {
                        base = WOOD_COLOUR;
                        double across = outY > outX ? ym : xm;
                        double grain = Math.sin(across * 0.45 + 5 * woodFigure.at(x, y));
                        double toEdge = border - Math.max(outX, outY);
                        double bevel = toEdge < 12 ? 0.65 + 0.35 * toEdge / 12 : 1;
                        brightness = bevel * (1 + 0.08 * grain + 0.04 * blotch + 0.03 * fine);
                    }
                    case LINER -> {
                        base = LINER_COLOUR;
                        brightness = 1 + 0.05 * fine;
                    }
                    case HOLE -> {
                        base = HOLE_COLOUR;
                        brightness = 1 + 0.1 * fine;
                    }
                    default -> {
                        base = FLOOR_COLOUR;
                        brightness = 0.9 + 0.1 * blotch + 0.04 * fine;
                    }
                }
                brightness *= lightAt(xm, ym);
                int i = (y * w + x) * 3;
                bgr[i] = clampToByte(base.b() * brightness);
                bgr[i + 1] = clampToByte(base.g() * brightness);
                bgr[i + 2] = clampToByte(base.r() * brightness);
            }
        }
        return bgr;
    }

    /** Overhead lights: brightest over the middle of the table, falling off towards the edges. */
    private double lightAt(double xm, double ym) {
        double u = (xm - table.lengthMm() / 2) / (table.lengthMm() / 2 + border);
        double v = (ym - table.widthMm() / 2) / (table.widthMm() / 2 + border);
        return 1.06 - 0.2 * (u * u + v * v);
    }

    private void drawDiamonds(Mat image) {
        double length = table.lengthMm();
        double width = table.widthMm();
        double railMiddle = cushion + SimulatorLayout.RAIL_WIDTH_MM / 2;
        for (int k = 1; k < 8; k++) {
            if (k != 4) {
                drawDiamond(image, length * k / 8, -railMiddle, true);
                drawDiamond(image, length * k / 8, width + railMiddle, true);
            }
        }
        for (int k = 1; k < 4; k++) {
            drawDiamond(image, -railMiddle, width * k / 4, false);
            drawDiamond(image, length + railMiddle, width * k / 4, false);
        }
    }

    private void drawDiamond(Mat image, double x, double y, boolean alongX) {
        double along = DIAMOND_HALF_LENGTH_MM;
        double across = DIAMOND_HALF_WIDTH_MM;
        double[][] corners = alongX
                ? new double[][] {{x - along, y}, {x, y - across}, {x + along, y}, {x, y + across}}
                : new double[][] {{x, y - along}, {x + across, y}, {x, y + along}, {x - across, y}};
        double light = lightAt(x, y);
        Scalar colour = new Scalar(DIAMOND_COLOUR.b() * light, DIAMOND_COLOUR.g() * light, DIAMOND_COLOUR.r() * light);
        Imgproc.fillConvexPoly(image, toPixels(corners), colour, Imgproc.LINE_AA, SUBPIXEL_SHIFT);
    }

    private void fillPolygon(Mat labels, double[][] cornersMm, int label) {
        Imgproc.fillConvexPoly(labels, toPixels(cornersMm), new Scalar(label), Imgproc.LINE_8, SUBPIXEL_SHIFT);
    }

    private void fillCircle(Mat labels, double xMm, double yMm, double radiusMm, int label) {
        double scale = 1 << SUBPIXEL_SHIFT;
        Imgproc.circle(labels, new Point(Math.round(layout.xToPx(xMm) * scale), Math.round(layout.yToPx(yMm) * scale)),
                (int) Math.round(layout.lengthToPx(radiusMm) * scale), new Scalar(label), -1, Imgproc.LINE_8,
                SUBPIXEL_SHIFT);
    }

    private MatOfPoint toPixels(double[][] cornersMm) {
        double scale = 1 << SUBPIXEL_SHIFT;
        Point[] points = new Point[cornersMm.length];
        for (int i = 0; i < cornersMm.length; i++) {
            points[i] = new Point(Math.round(layout.xToPx(cornersMm[i][0]) * scale),
                    Math.round(layout.yToPx(cornersMm[i][1]) * scale));
        }
        return new MatOfPoint(points);
    }

    private static byte clampToByte(double value) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
    }
}

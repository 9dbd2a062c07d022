package io.cuecast.camera.sim;

import io.cuecast.table.Rgb;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.List;

/**
 * Paints the cue stick over everything: section by section from the tip (chalked tip, white
 * ferrule, light maple shaft, joint, dark forearm, wrap, butt sleeve), each as a tapered quad with a
 * darker rim and a lit middle so the stick reads as round.
 */
final class CueStickPainter {
    private static final int SUBPIXEL_SHIFT = 4;
    /** The lit middle band and the highlight, as shares of the stick's width. */
    private static final double BODY_SHARE = 0.7;
    private static final double HIGHLIGHT_SHARE = 0.22;
    /** The highlight sits towards the light (up and left in the picture). */
    private static final double HIGHLIGHT_SHIFT = 0.18;

    private record Section(double fromTipMm, double toTipMm, Rgb colour) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section(0, 9, new Rgb(70, 110, 170)),
            new Section(9, 32, new Rgb(238, 236, 226)),
            new Section(32, 760, new Rgb(228, 198, 150)),
            new Section(760, 776, new Rgb(190, 190, 195)),
            new Section(776, 1060, new Rgb(96, 50, 26)),
            new Section(1060, 1300, new Rgb(34, 33, 36)),
            new Section(1300, CueStick.LENGTH_MM, new Rgb(82, 40, 20)));

    private final SimulatorLayout layout;

    CueStickPainter(SimulatorLayout layout) {
        this.layout = layout;
    }

    void paint(Mat frame, CueStick stick) {
        // The highlight goes on the side of the stick facing the light, which is up and left; the
        // stick's "side" direction is its direction turned a quarter clockwise on screen.
        double towardsLight = -0.3 * -stick.directionY() - 0.4 * stick.directionX() >= 0 ? 1 : -1;
        for (Section section : SECTIONS) {
            Rgb c = section.colour();
            band(frame, stick, section, 1, 0, scaled(c, 0.62));
            band(frame, stick, section, BODY_SHARE, towardsLight * HIGHLIGHT_SHIFT / 2, scaled(c, 1));
            band(frame, stick, section, HIGHLIGHT_SHARE, towardsLight * HIGHLIGHT_SHIFT, lightened(c, 0.4));
        }
    }

    /** A strip of the section, {@code share} of the stick's width wide, its middle shifted across by {@code shift}. */
    private void band(Mat frame, CueStick stick, Section section, double share, double shift, Scalar colour) {
        double sideX = -stick.directionY();
        double sideY = stick.directionX();
        double[] from = {section.fromTipMm(), section.toTipMm()};
        Point[] corners = new Point[4];
        for (int end = 0; end < 2; end++) {
            double along = from[end];
            double half = stick.halfWidthAt(along);
            double middle = 2 * half * shift;
            for (int side = 0; side < 2; side++) {
                double offset = middle + (side == 0 ? -1 : 1) * half * share;
                double x = stick.axisX(along) + sideX * offset;
                double y = stick.axisY(along) + sideY * offset;
                // Walk the quad's corners round: both of the tip end's, then the butt end's in reverse.
                corners[end == 0 ? side : 3 - side] = toFixedPoint(x, y);
            }
        }
        Imgproc.fillConvexPoly(frame, new MatOfPoint(corners), colour, Imgproc.LINE_AA, SUBPIXEL_SHIFT);
    }

    private Point toFixedPoint(double xMm, double yMm) {
        double scale = 1 << SUBPIXEL_SHIFT;
        return new Point(Math.round(layout.xToPx(xMm) * scale), Math.round(layout.yToPx(yMm) * scale));
    }

    private static Scalar scaled(Rgb c, double f) {
        return new Scalar(c.b() * f, c.g() * f, c.r() * f);
    }

    private static Scalar lightened(Rgb c, double towardsWhite) {
        return new Scalar(c.b() + (255 - c.b()) * towardsWhite, c.g() + (255 - c.g()) * towardsWhite,
                c.r() + (255 - c.r()) * towardsWhite);
    }
}

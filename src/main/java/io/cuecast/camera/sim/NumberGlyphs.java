package io.cuecast.camera.sim;

import io.cuecast.camera.OpenCvNatives;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The ball numbers 1-15 as small ink masks, to be printed in the balls' white spots. A spot is the
 * unit disc in (u, v) coordinates, v pointing down the digits.
 */
final class NumberGlyphs {
    private static final int SIZE = 48;
    /** Largest share of the spot's width and height the digits may take. */
    private static final double TEXT_WIDTH = 0.62;
    private static final double TEXT_HEIGHT = 0.5;
    private static final int FONT = Imgproc.FONT_HERSHEY_DUPLEX;
    private static final int THICKNESS = 3;

    private final float[][] ink = new float[16][];

    NumberGlyphs() {
        OpenCvNatives.load();
        for (int number = 1; number <= 15; number++) {
            ink[number] = render(Integer.toString(number));
        }
    }

    /** How much ink (0-1) number {@code number} puts at spot point (u, v); 0 outside the digits. */
    double inkAt(int number, double u, double v) {
        float[] glyph = ink[number];
        double gx = (u + 1) / 2 * (SIZE - 1);
        double gy = (v + 1) / 2 * (SIZE - 1);
        if (glyph == null || gx < 0 || gy < 0 || gx >= SIZE - 1 || gy >= SIZE - 1) {
            return 0;
        }
        int x = (int) gx;
        int y = (int) gy;
        double fx = gx - x;
        double fy = gy - y;
        int i = y * SIZE + x;
        double top = glyph[i] + (glyph[i + 1] - glyph[i]) * fx;
        double bottom = glyph[i + SIZE] + (glyph[i + SIZE + 1] - glyph[i + SIZE]) * fx;
        return top + (bottom - top) * fy;
    }

    private static float[] render(String text) {
        int[] baseline = new int[1];
        Size unit = Imgproc.getTextSize(text, FONT, 1, THICKNESS, baseline);
        double scale = Math.min(TEXT_WIDTH * SIZE / unit.width, TEXT_HEIGHT * SIZE / unit.height);
        Size size = Imgproc.getTextSize(text, FONT, scale, THICKNESS, baseline);
        Point origin = new Point((SIZE - size.width) / 2, (SIZE + size.height) / 2);
        Mat mask = Mat.zeros(SIZE, SIZE, CvType.CV_8UC1);
        Imgproc.putText(mask, text, origin, FONT, scale, new Scalar(255), THICKNESS, Imgproc.LINE_AA);
        byte[] bytes = new byte[SIZE * SIZE];
        mask.get(0, 0, bytes);
        mask.release();
        float[] glyph = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            glyph[i] = (bytes[i] & 0xff) / 255f;
        }
        return glyph;
    }
}

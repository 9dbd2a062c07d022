package io.cuecast.vision;

import org.opencv.calib3d.Calib3d;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;

/** A 3x3 projective map between two planes, applied in plain Java so that mapping a point allocates nothing native. */
public record Homography(double[] m) {

    public Homography {
        if (m.length != 9) {
            throw new IllegalArgumentException("a homography has 9 coefficients");
        }
        m = m.clone();
    }

    /** The map taking the four {@code from} points onto the four {@code to} points. */
    public static Homography fromCorners(Point[] from, Point[] to) {
        MatOfPoint2f src = new MatOfPoint2f(from);
        MatOfPoint2f dst = new MatOfPoint2f(to);
        Mat h = Calib3d.findHomography(src, dst);
        try {
            if (h.empty()) {
                throw new IllegalArgumentException("the corners are degenerate: no homography maps them");
            }
            double[] coefficients = new double[9];
            h.get(0, 0, coefficients);
            return new Homography(coefficients);
        } finally {
            src.release();
            dst.release();
            h.release();
        }
    }

    public Point apply(double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        return new Point((m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w);
    }

    public Homography inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double ei = e * i - f * h, fg = f * g - d * i, dh = d * h - e * g;
        double det = a * ei + b * fg + c * dh;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("homography is singular");
        }
        return new Homography(new double[] {
            ei / det, (c * h - b * i) / det, (b * f - c * e) / det,
            fg / det, (a * i - c * g) / det, (c * d - a * f) / det,
            dh / det, (b * g - a * h) / det, (a * e - b * d) / det});
    }
}

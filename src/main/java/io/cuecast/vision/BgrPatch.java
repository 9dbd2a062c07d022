package io.cuecast.vision;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * A square of a BGR image copied out in one native call, for code that reads many single pixels
 * (following a stick over the rail reads hundreds of thousands): each {@code Mat.get} is a native
 * call and an array.
 */
final class BgrPatch {
    /** What {@link #colourAt} returns outside the patch. */
    static final int OUTSIDE = -1;

    private final byte[] bytes;
    private final int x0;
    private final int y0;
    private final int width;
    private final int height;

    private BgrPatch(byte[] bytes, int x0, int y0, int width, int height) {
        this.bytes = bytes;
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        this.height = height;
    }

    /** The pixels within {@code radius} (either way) of (x, y), clipped to the image. */
    static BgrPatch around(Mat bgr, double x, double y, double radius) {
        int left = Math.max(0, (int) Math.floor(x - radius));
        int top = Math.max(0, (int) Math.floor(y - radius));
        int right = Math.min(bgr.cols(), (int) Math.ceil(x + radius) + 1);
        int bottom = Math.min(bgr.rows(), (int) Math.ceil(y + radius) + 1);
        if (right <= left || bottom <= top) {
            return new BgrPatch(new byte[0], 0, 0, 0, 0);
        }
        Mat region = bgr.submat(new Rect(left, top, right - left, bottom - top));
        Mat copy = region.clone();
        byte[] bytes = new byte[(int) copy.total() * 3];
        copy.get(0, 0, bytes);
        region.release();
        copy.release();
        return new BgrPatch(bytes, left, top, right - left, bottom - top);
    }

    /** The colour at image pixel (x, y), rounded, packed as 0xBBGGRR; {@link #OUTSIDE} beyond the patch. */
    int colourAt(double x, double y) {
        int col = (int) Math.round(x) - x0;
        int row = (int) Math.round(y) - y0;
        if (col < 0 || row < 0 || col >= width || row >= height) {
            return OUTSIDE;
        }
        int i = (row * width + col) * 3;
        return (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | bytes[i + 2] & 0xff;
    }

    /** The squared Euclidean distance between two packed colours. */
    static int distanceSquared(int a, int b) {
        int d0 = (a >> 16 & 0xff) - (b >> 16 & 0xff);
        int d1 = (a >> 8 & 0xff) - (b >> 8 & 0xff);
        int d2 = (a & 0xff) - (b & 0xff);
        return d0 * d0 + d1 * d1 + d2 * d2;
    }
}

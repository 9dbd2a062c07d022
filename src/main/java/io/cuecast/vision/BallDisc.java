package io.cuecast.vision;

/**
 * The pixels of a ball's inner disc, as the classifiers read them: each pixel's HSV colour (OpenCV
 * scale, hue 0-179) packed as H,S,V triples, and where it lies, as its x and y offsets from the
 * centre packed in pairs, in the same order.
 *
 * <p>Where the colours lie tells a stripe from a solid when their share of white does not: a
 * solid's white is its highlight, one small spot, while a stripe's lies on both sides of its band.
 *
 * @param hsv      H,S,V per pixel
 * @param offsets  x,y per pixel, in pixels from the centre; empty when the positions are not known
 * @param radiusPx the ball's radius
 */
public record BallDisc(byte[] hsv, byte[] offsets, double radiusPx) {
    public BallDisc {
        if (hsv.length % 3 != 0 || (offsets.length != 0 && offsets.length != hsv.length / 3 * 2)) {
            throw new IllegalArgumentException("a disc needs 3 colour bytes per pixel and 2 offsets or none");
        }
    }

    /** A disc whose colours alone are known. */
    public static BallDisc ofColours(byte[] hsv) {
        return new BallDisc(hsv, new byte[0], 1);
    }

    public int pixels() {
        return hsv.length / 3;
    }

    public boolean hasPositions() {
        return offsets.length > 0;
    }

    public int dx(int pixel) {
        return offsets[2 * pixel];
    }

    public int dy(int pixel) {
        return offsets[2 * pixel + 1];
    }
}

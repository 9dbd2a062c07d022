package io.cuecast.vision;

import io.cuecast.table.BallType;

/**
 * Tells a pool ball's type and number from the pixels of its disc (snooker's: {@link SnookerClassifier}).
 *
 * <p>Each pixel is white (low saturation, bright), black (dark) or coloured. A cue ball is nearly
 * all white, an eight nearly all black, a stripe shows much white beside its colour, a solid little.
 * The colour's hue names the suit (1-7 or 9-15); red and maroon share a hue and differ in
 * brightness. This is the first, colour-only version: reading printed numbers is the vision issue's.
 */
public final class BallClassifier {
    /**
     * White is bright and only fairly unsaturated: on broadcast footage a small ball's white takes
     * the cloth's and the light's tint (on the Padova frames saturation 110 and value 150 ranked
     * best of 70-130 and 120-170).
     */
    private static final int WHITE_MAX_SATURATION = 110;
    private static final int WHITE_MIN_VALUE = 150;
    private static final int BLACK_MAX_VALUE = 55;
    /**
     * A stripe turned pole-up shows only a thin ring of its colour near the rim, so even a few
     * percent of coloured pixels tell it from the cue ball.
     */
    private static final double CUE_MAX_COLOUR = 0.03;
    /**
     * At 8-12 px radius a stripe's band is a few pixels, blurred into its colour: a fifth of the
     * disc white tells a stripe (0.2 ranked best on the Padova frames, but calls some simulated solids,
     * whose highlight is larger, stripes; 0.23 keeps the simulator right).
     */
    private static final double STRIPE_MIN_WHITE = 0.23;
    /** Red and maroon share a hue: maroon's coloured pixels are darker than this. */
    private static final int MAROON_MAX_VALUE = 150;

    /**
     * Classifies from HSV pixels (OpenCV scale: hue 0-179) taken from the inner disc of one ball.
     *
     * @param hsv packed H,S,V triples
     */
    public Classification classify(byte[] hsv) {
        int count = hsv.length / 3;
        if (count == 0) {
            return new Classification(BallType.UNKNOWN, null, 0);
        }
        int white = 0;
        int black = 0;
        int coloured = 0;
        double sinSum = 0;
        double cosSum = 0;
        long valueSum = 0;
        for (int i = 0; i < count; i++) {
            int h = hsv[3 * i] & 0xff;
            int s = hsv[3 * i + 1] & 0xff;
            int v = hsv[3 * i + 2] & 0xff;
            if (v <= BLACK_MAX_VALUE) {
                black++;
            } else if (s <= WHITE_MAX_SATURATION && v >= WHITE_MIN_VALUE) {
                white++;
            } else if (s > WHITE_MAX_SATURATION) {
                coloured++;
                double angle = h * Math.PI / 90;
                sinSum += Math.sin(angle);
                cosSum += Math.cos(angle);
                valueSum += v;
            }
        }
        double whiteShare = (double) white / count;
        double blackShare = (double) black / count;
        double colourShare = (double) coloured / count;
        if (whiteShare >= 0.6 && colourShare < CUE_MAX_COLOUR) {
            return new Classification(BallType.CUE, 0, clamp(1 - colourShare / CUE_MAX_COLOUR));
        }
        if (blackShare >= 0.45 && colourShare < 0.25) {
            return new Classification(BallType.EIGHT, 8, clamp((blackShare - 0.35) / 0.4));
        }
        if (colourShare < CUE_MAX_COLOUR) {
            return new Classification(BallType.UNKNOWN, null, 0.2);
        }
        double hue = (Math.atan2(sinSum, cosSum) * 90 / Math.PI + 180) % 180;
        int suit = suitOf(hue, (double) valueSum / coloured);
        boolean stripe = whiteShare >= STRIPE_MIN_WHITE;
        BallType type = stripe ? BallType.STRIPE : BallType.SOLID;
        double margin = stripe ? (whiteShare - STRIPE_MIN_WHITE) / 0.25 : (STRIPE_MIN_WHITE - whiteShare) / 0.15;
        return new Classification(type, stripe ? suit + 8 : suit, clamp(0.5 + 0.5 * margin));
    }

    /** The solid number (1-7) whose colour has this hue (OpenCV scale, 0-179) and brightness. */
    static int suitOf(double hue, double meanValue) {
        if (hue < 6 || hue >= 165) {
            return meanValue < MAROON_MAX_VALUE ? 7 : 3;
        }
        if (hue < 17) {
            return 5;
        }
        if (hue < 40) {
            return 1;
        }
        if (hue < 95) {
            return 6;
        }
        if (hue < 126) {
            return 2;
        }
        return 4;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}

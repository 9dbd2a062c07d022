package io.cuecast.vision;

import io.cuecast.table.BallType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

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
    /**
     * A stripe showing less white than {@link #STRIPE_MIN_WHITE} still shows at least this much, and
     * lies on both sides of its band: its white pixels lie at least {@link #STRIPE_MIN_SPREAD} radii
     * from their centroid on average. A solid's white is its highlight and its number's circle, two
     * spots: spread up to 0.3 on the Padova frames and the simulator's, where 5 of the 11 stripes
     * below the white share spread 0.5 to 0.7.
     */
    private static final double SPREAD_STRIPE_MIN_WHITE = 0.13;
    private static final double STRIPE_MIN_SPREAD = 0.45;
    /** The least share of white for a stripe to be taken as the frame's missing cue ball. */
    private static final double PROMOTED_CUE_MIN_WHITE = 0.6;
    /** Red and maroon share a hue: maroon's coloured pixels are darker than this. */
    private static final int MAROON_MAX_VALUE = 150;
    /**
     * The least share of black for a solid to be taken as the frame's missing eight (on Padova, 0.15
     * and 0.2 found all 10 eights, 0.25 and 0.35 eight of them; no solid was taken wrongly).
     */
    private static final double PROMOTED_EIGHT_MIN_BLACK = 0.2;
    private static final Classification UNKNOWN = new Classification(BallType.UNKNOWN, null, 0.2);
    /** A second all-white disc beside the cue ball: most likely a stripe showing only its white side. */
    private static final Classification WHITE_SIDE_UP = new Classification(BallType.STRIPE, null, 0.3);

    /**
     * Classifies one frame's balls, each from the HSV pixels (OpenCV scale: hue 0-179) of its inner
     * disc, packed as H,S,V triples. A pool set has one cue ball and one eight: where several discs
     * read as either, the likeliest keeps it (the whitest, or the blackest, weighed by how ball-like
     * each is) and the others are told by their colour, as the stripe turned white side up or the
     * dark solid each most likely is.
     *
     * @param ballness per disc, how much it looks like a ball (0..1)
     */
    public List<Classification> classifyAll(List<BallDisc> discs, double[] ballness) {
        List<Shares> shares = discs.stream().map(Shares::of).toList();
        List<Classification> told = new ArrayList<>(shares.size());
        shares.forEach(disc -> told.add(classify(disc)));
        keepTheLikeliest(BallType.CUE, told, shares, ballness, Shares::white, WHITE_SIDE_UP);
        keepTheLikeliest(BallType.EIGHT, told, shares, ballness, Shares::black, UNKNOWN);
        if (told.stream().noneMatch(c -> c.type() == BallType.CUE)) {
            findTheCueAmongTheStripes(told, shares, ballness);
        }
        if (told.stream().noneMatch(c -> c.type() == BallType.EIGHT)) {
            findTheEightAmongTheColoured(told, shares);
        }
        return told;
    }

    /**
     * With no disc white enough to be the cue ball, the whitest stripe is it, weighed by how ball-like
     * each is, if white is at least {@link #PROMOTED_CUE_MIN_WHITE} of its disc: on broadcast frames
     * the cue ball takes the cloth's tint at its rim (Padova's game2: 12 and 31 % coloured), while a
     * stripe shows that much white only turned pole-up.
     */
    private static void findTheCueAmongTheStripes(List<Classification> told, List<Shares> shares, double[] ballness) {
        int whitest = mostOf(Set.of(BallType.STRIPE), told, i -> shares.get(i).white() * ballness[i]);
        if (whitest >= 0 && shares.get(whitest).white() >= PROMOTED_CUE_MIN_WHITE) {
            told.set(whitest, new Classification(BallType.CUE, 0, clamp(shares.get(whitest).white())));
        }
    }

    /** Classifies one disc alone (see {@link #classifyAll}). */
    public Classification classify(BallDisc disc) {
        return classify(Shares.of(disc));
    }

    private Classification classify(Shares disc) {
        if (disc.count() == 0) {
            return new Classification(BallType.UNKNOWN, null, 0);
        }
        if (disc.white() >= 0.6 && disc.colour() < CUE_MAX_COLOUR) {
            return new Classification(BallType.CUE, 0, clamp(1 - disc.colour() / CUE_MAX_COLOUR));
        }
        if (disc.black() >= 0.45 && disc.colour() < 0.25) {
            return new Classification(BallType.EIGHT, 8, clamp((disc.black() - 0.35) / 0.4));
        }
        return byColour(disc, UNKNOWN);
    }

    /** A stripe or solid by the disc's colour, or {@code colourless} when it shows next to none. */
    private static Classification byColour(Shares disc, Classification colourless) {
        if (disc.colour() < CUE_MAX_COLOUR) {
            return colourless;
        }
        int suit = suitOf(disc.hue(), disc.colourValue());
        boolean spreadWhite = disc.white() >= SPREAD_STRIPE_MIN_WHITE && disc.whiteSpread() >= STRIPE_MIN_SPREAD;
        boolean stripe = disc.white() >= STRIPE_MIN_WHITE || spreadWhite;
        BallType type = stripe ? BallType.STRIPE : BallType.SOLID;
        double margin = stripe ? Math.max(disc.white() - STRIPE_MIN_WHITE, disc.whiteSpread() - STRIPE_MIN_SPREAD) / 0.25
                : (STRIPE_MIN_WHITE - disc.white()) / 0.15;
        return new Classification(type, stripe ? suit + 8 : suit, clamp(0.5 + 0.5 * margin));
    }

    private static void keepTheLikeliest(BallType onlyOne, List<Classification> told, List<Shares> shares,
                                         double[] ballness, ToDoubleFunction<Shares> share,
                                         Classification colourless) {
        int likeliest = mostOf(Set.of(onlyOne), told, i -> share.applyAsDouble(shares.get(i)) * ballness[i]);
        for (int i = 0; i < told.size(); i++) {
            if (told.get(i).type() == onlyOne && i != likeliest) {
                told.set(i, byColour(shares.get(i), colourless));
            }
        }
    }

    /**
     * With no disc black enough to be the eight, the solid or stripe with the most black is it, if
     * black is at least {@link #PROMOTED_EIGHT_MIN_BLACK} of its disc: on broadcast frames the eight's
     * black takes the light's gleam and the cloth's tint, and 4 of Padova's 10 read as solids, or as
     * stripes by their gleam and number circle lying apart.
     */
    private static void findTheEightAmongTheColoured(List<Classification> told, List<Shares> shares) {
        // A disc with no colour at all told as a stripe is one turned white side up, not the eight.
        IntToDoubleFunction eightsBlack = i -> shares.get(i).colour() < CUE_MAX_COLOUR ? 0 : shares.get(i).black();
        int blackest = mostOf(Set.of(BallType.SOLID, BallType.STRIPE), told, eightsBlack);
        double black = blackest < 0 ? 0 : eightsBlack.applyAsDouble(blackest);
        if (black >= PROMOTED_EIGHT_MIN_BLACK) {
            told.set(blackest, new Classification(BallType.EIGHT, 8, clamp(black / 0.45)));
        }
    }

    /** Of the discs told as one of {@code types}, the one that scores most (the first of equals), or -1 when none is. */
    private static int mostOf(Set<BallType> types, List<Classification> told, IntToDoubleFunction score) {
        int most = -1;
        for (int i = 0; i < told.size(); i++) {
            if (types.contains(told.get(i).type()) && (most < 0 || score.applyAsDouble(i) > score.applyAsDouble(most))) {
                most = i;
            }
        }
        return most;
    }

    /**
     * How a disc's pixels split into white, black and coloured, the coloured ones' mean hue and value,
     * and how widely the white ones lie (0 when the positions are not known).
     */
    private record Shares(int count, double white, double black, double colour, double hue, double colourValue,
                          double whiteSpread) {
        static Shares of(BallDisc disc) {
            byte[] hsv = disc.hsv();
            int count = disc.pixels();
            boolean[] isWhite = new boolean[count];
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
                    isWhite[i] = true;
                } else if (s > WHITE_MAX_SATURATION) {
                    coloured++;
                    double angle = h * Math.PI / 90;
                    sinSum += Math.sin(angle);
                    cosSum += Math.cos(angle);
                    valueSum += v;
                }
            }
            double total = Math.max(1, count);
            double hue = (Math.atan2(sinSum, cosSum) * 90 / Math.PI + 180) % 180;
            return new Shares(count, white / total, black / total, coloured / total, hue,
                    coloured == 0 ? 0 : (double) valueSum / coloured, spread(disc, isWhite, white));
        }

        /** The mean distance of the marked pixels from their centroid, in radii. */
        private static double spread(BallDisc disc, boolean[] marked, int markedCount) {
            if (markedCount == 0 || !disc.hasPositions()) {
                return 0;
            }
            double sumX = 0;
            double sumY = 0;
            for (int i = 0; i < marked.length; i++) {
                if (marked[i]) {
                    sumX += disc.dx(i);
                    sumY += disc.dy(i);
                }
            }
            double meanX = sumX / markedCount;
            double meanY = sumY / markedCount;
            double distances = 0;
            for (int i = 0; i < marked.length; i++) {
                if (marked[i]) {
                    distances += Math.hypot(disc.dx(i) - meanX, disc.dy(i) - meanY);
                }
            }
            return distances / markedCount / disc.radiusPx();
        }
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

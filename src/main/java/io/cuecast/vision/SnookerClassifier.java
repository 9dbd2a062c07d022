package io.cuecast.vision;

import io.cuecast.table.BallType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tells snooker balls by colour: white, red, yellow, green, brown, blue, pink or black.
 *
 * <p>Each ball is summed up by its hue (the circular mean of its coloured pixels), and its median
 * saturation and brightness, which a highlight or the shadowed rim barely move. Each colour is a
 * prototype with a spread per measure; a ball's distance to it is the Mahalanobis distance with
 * those spreads, and the nearer colours share the ball's probability.
 *
 * <p>The frame is read as a whole, because a table holds at most 15 reds and one ball of every
 * other colour. The reds, the majority, set where red lies in this picture (a camera's white
 * balance turns all of them alike), and brown and pink are placed relative to it: brown is a red
 * turned toward yellow, pink a paler red. Then the pairs (ball, colour) are taken nearest first, a
 * colour once full passing its balls to their next choice. A ball whose best colour holds less
 * than {@link #MIN_PROBABILITY} of its probability, or that is far from every colour, is unknown.
 *
 * <p>The prototypes are the balls' colours as the Bern overhead rig's camera saw them (issue 5,
 * bench/RESULTS.md), where the reds' hue reads about 176 and blue is nearly cyan. That is the only
 * snooker footage measured: another camera may need other prototypes, red's excepted.
 */
final class SnookerClassifier implements FrameClassifier {
    /** Red's hue where too few reds are left to place it (OpenCV scale, 0-179). */
    private static final double DEFAULT_RED_HUE = 178;
    /** Reds in a frame needed before their hue stands for red's. */
    private static final int MIN_REDS_FOR_REFERENCE = 3;
    /** A ball within this hue of red, this saturated, is counted as a red for the reference. */
    private static final double REFERENCE_HUE_REACH = 12;
    private static final double REFERENCE_MIN_SATURATION = 150;
    /** A pixel's hue counts only where it is coloured: grey and dark pixels have none to speak of. */
    private static final int HUE_MIN_SATURATION = 60;
    private static final int HUE_MIN_VALUE = 60;
    /** A squared distance beyond which a ball is like no snooker colour (about 4 spreads away). */
    private static final double MAX_DISTANCE_SQUARED = 16;
    /** How far back (squared spreads) a candidate with no look of a ball at all queues for its colour. */
    private static final double UNLIKELY_BALL_PENALTY = 4;
    /** Two colours nearly level (a ball between green and blue) leave it unknown. */
    private static final double MIN_PROBABILITY = 0.6;

    /**
     * One colour's look: hue (NaN where the colour has none: white, black), saturation and
     * brightness (NaN where any goes: black's saturation), each with the spread it is allowed.
     * Red, brown and pink give their hue relative to red's.
     */
    private record Prototype(BallType type, double hue, double hueSpread, double saturation, double saturationSpread,
                             double value, double valueSpread, boolean hueFromRed) {
    }

    private static final List<Prototype> PROTOTYPES = List.of(
            new Prototype(BallType.WHITE, Double.NaN, 1, 25, 25, 245, 30, false),
            new Prototype(BallType.RED, 0, 4, 230, 30, 200, 60, true),
            new Prototype(BallType.YELLOW, 24, 5, 235, 35, 245, 40, false),
            new Prototype(BallType.GREEN, 82, 7, 210, 40, 135, 40, false),
            // Brown is red turned toward yellow, less saturated (Bern: 6-9 hue steps from the reds' mean).
            new Prototype(BallType.BROWN, 8, 3, 185, 30, 185, 50, true),
            new Prototype(BallType.BLUE, 104, 7, 245, 35, 190, 45, false),
            // Pink is red's hue, pale: half red's saturation, and bright.
            new Prototype(BallType.PINK, 0, 6, 110, 35, 245, 30, true),
            new Prototype(BallType.BLACK, Double.NaN, 1, Double.NaN, 1, 50, 25, false));

    /** How many of each colour a table holds. */
    private static final Map<BallType, Integer> CAPACITY = capacity();

    /** One ball summed up: hue (OpenCV scale, NaN when it has no coloured pixel), median saturation and value. */
    private record Colour(double hue, double saturation, double value) {
        static Colour of(byte[] hsv) {
            int count = hsv.length / 3;
            int[] saturations = new int[count];
            int[] values = new int[count];
            double sinSum = 0;
            double cosSum = 0;
            for (int i = 0; i < count; i++) {
                int h = hsv[3 * i] & 0xff;
                saturations[i] = hsv[3 * i + 1] & 0xff;
                values[i] = hsv[3 * i + 2] & 0xff;
                if (saturations[i] >= HUE_MIN_SATURATION && values[i] >= HUE_MIN_VALUE) {
                    double angle = h * Math.PI / 90;
                    sinSum += Math.sin(angle);
                    cosSum += Math.cos(angle);
                }
            }
            double hue = sinSum == 0 && cosSum == 0 ? Double.NaN : (Math.atan2(sinSum, cosSum) * 90 / Math.PI + 180) % 180;
            return new Colour(hue, median(saturations), median(values));
        }
    }

    @Override
    public List<Classification> classify(List<BallDisc> discs, double[] ballness) {
        List<Colour> colours = discs.stream().map(d -> d.pixels() == 0 ? null : Colour.of(d.hsv())).toList();
        double redHue = redHue(colours);
        double[][] distances = new double[colours.size()][];
        for (int b = 0; b < colours.size(); b++) {
            distances[b] = colours.get(b) == null ? null : distancesSquared(colours.get(b), redHue);
        }
        Map<BallType, Integer> left = new EnumMap<>(CAPACITY);
        BallType[] assigned = assign(distances, ballness, left);
        List<Classification> result = new ArrayList<>(colours.size());
        for (int b = 0; b < colours.size(); b++) {
            result.add(classification(distances[b], assigned[b], left));
        }
        return result;
    }

    /**
     * Where red lies in this frame: the circular mean hue of the saturated balls near the default
     * red, once there are enough of them that the reds outnumber a brown or pink among them.
     */
    private static double redHue(List<Colour> colours) {
        double sinSum = 0;
        double cosSum = 0;
        int reds = 0;
        for (Colour c : colours) {
            if (c != null && !Double.isNaN(c.hue()) && hueDistance(c.hue(), DEFAULT_RED_HUE) <= REFERENCE_HUE_REACH
                    && c.saturation() >= REFERENCE_MIN_SATURATION) {
                double angle = c.hue() * Math.PI / 90;
                sinSum += Math.sin(angle);
                cosSum += Math.cos(angle);
                reds++;
            }
        }
        return reds < MIN_REDS_FOR_REFERENCE ? DEFAULT_RED_HUE : (Math.atan2(sinSum, cosSum) * 90 / Math.PI + 180) % 180;
    }

    /** The squared distance of a ball to every prototype, in {@link #PROTOTYPES}' order. */
    private static double[] distancesSquared(Colour colour, double redHue) {
        double[] d = new double[PROTOTYPES.size()];
        for (int p = 0; p < d.length; p++) {
            Prototype prototype = PROTOTYPES.get(p);
            double hue = prototype.hueFromRed() ? (redHue + prototype.hue()) % 180 : prototype.hue();
            double squared = 0;
            if (!Double.isNaN(hue)) {
                // A ball without a coloured pixel is as far as can be from every hue.
                double off = Double.isNaN(colour.hue()) ? 90 : hueDistance(colour.hue(), hue);
                squared += square(off / prototype.hueSpread());
            }
            if (!Double.isNaN(prototype.saturation())) {
                squared += square((colour.saturation() - prototype.saturation()) / prototype.saturationSpread());
            }
            squared += square((colour.value() - prototype.value()) / prototype.valueSpread());
            d[p] = squared;
        }
        return d;
    }

    /**
     * The colours given nearest pair first, each colour up to its capacity ({@code left}, counted
     * down); a ball whose every near colour is full, or that is too far from any, gets
     * {@link BallType#UNKNOWN}. A candidate that looks less like a ball is put back by up to
     * {@link #UNLIKELY_BALL_PENALTY}, so that a hand as white as the white does not take its place.
     */
    private static BallType[] assign(double[][] distances, double[] ballness, Map<BallType, Integer> left) {
        record Pair(int ball, int prototype, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int b = 0; b < distances.length; b++) {
            for (int p = 0; distances[b] != null && p < PROTOTYPES.size(); p++) {
                if (distances[b][p] <= MAX_DISTANCE_SQUARED) {
                    pairs.add(new Pair(b, p, distances[b][p] + UNLIKELY_BALL_PENALTY * (1 - ballness[b])));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        BallType[] assigned = new BallType[distances.length];
        Arrays.fill(assigned, BallType.UNKNOWN);
        boolean[] done = new boolean[distances.length];
        for (Pair pair : pairs) {
            BallType type = PROTOTYPES.get(pair.prototype()).type();
            if (!done[pair.ball()] && left.get(type) > 0) {
                done[pair.ball()] = true;
                assigned[pair.ball()] = type;
                left.merge(type, -1, Integer::sum);
            }
        }
        return assigned;
    }

    /**
     * The confidence is the assigned colour's share of the ball's probability (each colour's
     * likelihood a Gaussian of its distance). Below {@link #MIN_PROBABILITY} the ball is unknown,
     * with that share as its confidence; a ball left without a colour has the share of the likeliest
     * colour still open (a sixteenth red: brown's or pink's, near nothing).
     */
    private static Classification classification(double[] distances, BallType assigned, Map<BallType, Integer> left) {
        if (distances == null) {
            return new Classification(BallType.UNKNOWN, null, 0);
        }
        double total = 0;
        double mine = 0;
        double bestOpen = 0;
        for (int p = 0; p < distances.length; p++) {
            double likelihood = Math.exp(-distances[p] / 2);
            BallType type = PROTOTYPES.get(p).type();
            total += likelihood;
            mine = type == assigned ? likelihood : mine;
            bestOpen = left.get(type) > 0 ? Math.max(bestOpen, likelihood) : bestOpen;
        }
        if (total == 0) {
            return new Classification(BallType.UNKNOWN, null, 0);
        }
        if (assigned == BallType.UNKNOWN) {
            return new Classification(BallType.UNKNOWN, null, bestOpen / total);
        }
        double share = mine / total;
        return new Classification(share < MIN_PROBABILITY ? BallType.UNKNOWN : assigned, null, share);
    }

    private static Map<BallType, Integer> capacity() {
        Map<BallType, Integer> capacity = new EnumMap<>(BallType.class);
        BallType.SNOOKER.forEach(type -> capacity.put(type, 1));
        capacity.put(BallType.RED, 15);
        return capacity;
    }

    /** Hue distance on OpenCV's 180-step circle. */
    private static double hueDistance(double a, double b) {
        double d = Math.abs(a - b) % 180;
        return Math.min(d, 180 - d);
    }

    private static double median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double square(double x) {
        return x * x;
    }
}

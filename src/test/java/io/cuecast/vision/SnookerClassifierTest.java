package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Snooker colours from synthetic discs: a body colour with pixel noise, a highlight and a shadowed rim. */
class SnookerClassifierTest {
    /** Each ball's body as the Bern rig's camera sees it (OpenCV HSV): red reads magenta-ish, blue near cyan. */
    private static final double[] RED = {176, 240, 220};
    private static final double[] BROWN = {4, 188, 190};
    private static final double[] PINK = {176, 110, 250};
    private static final double[] WHITE = {5, 15, 250};
    private static final double[] BLACK = {170, 100, 45};
    private static final double[] YELLOW = {24, 245, 250};
    private static final double[] GREEN = {89, 215, 140};
    private static final double[] BLUE = {100, 250, 200};

    private final Random noise = new Random(7);
    private final SnookerClassifier classifier = new SnookerClassifier();

    @Test
    void aFullTableIsToldBallByBall() {
        List<BallDisc> discs = fullTable(0, 1);
        List<BallType> expected = fullTableTypes();

        List<Classification> result = classifier.classify(discs);

        assertEquals(expected, result.stream().map(Classification::type).toList());
        result.forEach(c -> assertNull(c.number(), "snooker balls carry no number"));
        result.forEach(c -> assertTrue(c.confidence() > 0.8, "a clear colour is a confident one: " + c));
    }

    @Test
    void anotherCamerasWhiteBalanceAndDimmerLightMoveTheRedsAndTheirNeighboursTogether() {
        // Every hue turned 5 steps, brightness down a fifth: brown now sits where red did.
        List<BallDisc> discs = fullTable(5, 0.8);

        List<BallType> types = classifier.classify(discs).stream().map(Classification::type).toList();

        assertEquals(fullTableTypes(), types);
    }

    @Test
    void aBrownWithoutRedsBesideItIsStillBrown() {
        List<Classification> result = classifier.classify(List.of(disc(BROWN, 0, 1), disc(RED, 0, 1)));

        assertEquals(List.of(BallType.BROWN, BallType.RED), result.stream().map(Classification::type).toList());
    }

    @Test
    void aSixteenthRedIsUnknownSinceATableHoldsFifteen() {
        List<BallDisc> discs = new ArrayList<>(Collections.nCopies(16, disc(RED, 0, 1)));

        List<Classification> result = classifier.classify(discs);

        assertEquals(15, result.stream().filter(c -> c.type() == BallType.RED).count());
        Classification extra = result.stream().filter(c -> c.type() != BallType.RED).findFirst().orElseThrow();
        assertEquals(BallType.UNKNOWN, extra.type());
        assertTrue(extra.confidence() < 0.5, "the extra red is not confidently anything else: " + extra);
    }

    @Test
    void aBallKeepsTheWhiteFromAWhiterHandBesideIt() {
        // Bern's cue shot, frame 7: the overexposed cue ball (S 14) and the player's hand (S 31),
        // both white enough; the hand, mostly ringed by itself, looks half as much like a ball.
        BallDisc ball = disc(new double[] {30, 14, 255}, 0, 1);
        BallDisc hand = disc(new double[] {167, 25, 252}, 0, 1);

        List<Classification> result = classifier.classify(List.of(hand, ball), new double[] {0.5, 1});

        assertEquals(BallType.WHITE, result.get(1).type());
        assertTrue(result.get(0).type() != BallType.WHITE, "only one white on a table: " + result.get(0));
        assertEquals(BallType.WHITE, classifier.classify(List.of(hand, ball)).get(0).type(),
                "without the shapes to tell them apart, the whiter hand would take it");
    }

    @Test
    void ofTwoWhitesTheWhiterKeepsTheName() {
        BallDisc creamy = disc(new double[] {20, 45, 240}, 0, 1);
        BallDisc white = disc(WHITE, 0, 1);

        List<Classification> result = classifier.classify(List.of(creamy, white));

        assertEquals(BallType.WHITE, result.get(1).type());
        assertTrue(result.get(0).type() != BallType.WHITE, "only one white on a table: " + result.get(0));
    }

    @Test
    void aColourBetweenGreenAndBlueIsUnknownWithLowConfidence() {
        BallDisc teal = disc(new double[] {93, 230, 165}, 0, 1);

        Classification result = classifier.classify(List.of(teal)).get(0);

        assertEquals(BallType.UNKNOWN, result.type());
        // Split about evenly between the two: neither reaches the 0.6 a colour needs.
        assertTrue(result.confidence() > 0.4 && result.confidence() < 0.6, "ambiguous: " + result);
    }

    @Test
    void aPatchLikeNoBallColourIsUnknown() {
        BallDisc purple = disc(new double[] {140, 200, 150}, 0, 1);

        assertEquals(BallType.UNKNOWN, classifier.classify(List.of(purple)).get(0).type());
    }

    @Test
    void anEmptyDiscIsUnknownWithNoConfidence() {
        assertEquals(new Classification(BallType.UNKNOWN, null, 0), classifier.classify(List.of(BallDisc.ofColours(new byte[0]))).get(0));
    }

    @Test
    void aSnookerTableGetsSnookerColoursAndAPoolTablePoolKinds() {
        List<BallDisc> white = List.of(disc(WHITE, 0, 1));

        assertEquals(BallType.WHITE, FrameClassifier.forTable(TableSpec.SNOOKER_12FT).classify(white).get(0).type());
        assertEquals(BallType.CUE, FrameClassifier.forTable(TableSpec.POOL_9FT).classify(white).get(0).type());
    }

    private List<BallDisc> fullTable(double hueShift, double brightness) {
        List<BallDisc> discs = new ArrayList<>();
        for (double[] colour : List.of(WHITE, YELLOW, GREEN, BROWN, BLUE, PINK, BLACK)) {
            discs.add(disc(colour, hueShift, brightness));
        }
        for (int i = 0; i < 15; i++) {
            // The reds toward the corners are darker and less saturated, as on the rig.
            discs.add(disc(new double[] {RED[0] + (i % 3) - 1, RED[1] - 2 * i, RED[2] - 4 * i}, hueShift, brightness));
        }
        return discs;
    }

    private static List<BallType> fullTableTypes() {
        List<BallType> types = new ArrayList<>(List.of(BallType.WHITE, BallType.YELLOW, BallType.GREEN, BallType.BROWN,
                BallType.BLUE, BallType.PINK, BallType.BLACK));
        types.addAll(Collections.nCopies(15, BallType.RED));
        return types;
    }

    /**
     * 600 HSV pixels: 85% the body colour with noise (hue ±2, saturation and value ±10), 8% a
     * near-white highlight, 7% the body in shadow at half brightness.
     */
    private BallDisc disc(double[] hsv, double hueShift, double brightness) {
        int n = 600;
        byte[] pixels = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            double share = (double) i / n;
            double h = hsv[0] + hueShift + 4 * noise.nextDouble() - 2;
            double s = hsv[1] + 20 * noise.nextDouble() - 10;
            double v = (hsv[2] + 20 * noise.nextDouble() - 10) * brightness;
            if (share < 0.08) {
                s = 20;
                v = 255;
            } else if (share < 0.15) {
                v *= 0.5;
            }
            pixels[3 * i] = (byte) Math.floorMod(Math.round(h), 180);
            pixels[3 * i + 1] = (byte) clamp(s);
            pixels[3 * i + 2] = (byte) clamp(v);
        }
        return BallDisc.ofColours(pixels);
    }

    private static long clamp(double x) {
        return Math.max(0, Math.min(255, Math.round(x)));
    }
}

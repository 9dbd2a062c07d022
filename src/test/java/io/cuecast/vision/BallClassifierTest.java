package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.table.BallType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** A pool frame's balls told together: one cue ball and one eight at most. */
class BallClassifierTest {
    private static final int[] WHITE = {0, 20, 230};
    private static final int[] BLACK = {0, 0, 20};
    /** Hue 110 on OpenCV's scale: the 2's blue. */
    private static final int[] BLUE = {110, 200, 120};
    private final BallClassifier classifier = new BallClassifier();

    @Test
    void aStripeShowingLittleWhiteIsToldFromASolidByWhereItsWhiteLies() {
        // A sixth of each disc white: on both sides of the band, or in one highlight.
        BallDisc stripe = discOfRadius(12, (dx, dy) -> Math.abs(dy) >= 8 ? WHITE : BLUE);
        BallDisc solid = discOfRadius(12, (dx, dy) -> Math.hypot(dx + 3, dy + 3) <= 4 ? WHITE : BLUE);

        assertEquals(List.of(BallType.STRIPE, BallType.SOLID), typesOf(new double[] {1, 1}, stripe, solid));
        assertEquals(List.of(BallType.SOLID, BallType.SOLID), typesOf(new double[] {1, 1},
                BallDisc.ofColours(stripe.hsv()), BallDisc.ofColours(solid.hsv())),
                "by its share of white alone, the stripe passes for a solid");
    }

    @Test
    void withNoDiscWhiteEnoughForTheCueBallTheWhitestStripeIsIt() {
        // The cue ball tinted at its rim by the cloth, beside a stripe showing its band.
        assertEquals(List.of(BallType.STRIPE, BallType.CUE),
                typesOf(new double[] {1, 1}, disc(40, WHITE, 60, BLUE), disc(70, WHITE, 30, BLUE)));
        assertEquals(List.of(BallType.STRIPE, BallType.STRIPE),
                typesOf(new double[] {1, 1}, disc(40, WHITE, 60, BLUE), disc(50, WHITE, 50, BLUE)),
                "a stripe showing half white is no cue ball");
        assertEquals(List.of(BallType.CUE, BallType.STRIPE),
                typesOf(new double[] {1, 1}, disc(100, WHITE, 0, BLUE), disc(70, WHITE, 30, BLUE)),
                "with a cue ball found, the whitest stripe stays a stripe");
    }

    @Test
    void ofTwoAllWhiteDiscsTheWhiterIsTheCueBallAndTheOtherAStripeWhiteSideUp() {
        List<Classification> told = classifier.classifyAll(
                List.of(disc(70, WHITE, 30, BLACK), disc(100, WHITE, 0, BLACK)), new double[] {1, 1});
        assertEquals(new Classification(BallType.STRIPE, null, 0.3), told.get(0));
        assertEquals(BallType.CUE, told.get(1).type());
    }

    @Test
    void aLessBallLikeDiscLosesTheCueBallToABallLikeOne() {
        assertEquals(List.of(BallType.STRIPE, BallType.CUE),
                typesOf(new double[] {0.5, 1}, disc(100, WHITE, 0, BLACK), disc(90, WHITE, 10, BLACK)));
    }

    @Test
    void ofTwoBlackDiscsTheBlackerIsTheEightAndTheOtherToldByItsColour() {
        BallDisc eight = disc(90, BLACK, 10, BLUE);
        BallDisc darkBlue = disc(80, BLACK, 20, BLUE);
        BallDisc shadow = disc(55, BLACK, 45, WHITE);
        List<Classification> told = classifier.classifyAll(List.of(darkBlue, eight, shadow), new double[] {1, 1, 1});
        assertEquals(new Classification(BallType.SOLID, 2, told.get(0).confidence()), told.get(0));
        assertEquals(BallType.EIGHT, told.get(1).type());
        assertEquals(BallType.UNKNOWN, told.get(2).type());
    }

    @Test
    void aFrameWithOneOfEachKeepsThemAll() {
        assertEquals(List.of(BallType.CUE, BallType.EIGHT, BallType.SOLID), typesOf(new double[] {1, 1, 1},
                disc(100, WHITE, 0, BLACK), disc(100, BLACK, 0, WHITE), disc(100, BLUE, 0, WHITE)));
    }

    @Test
    void withNoDiscBlackEnoughForTheEightTheBlackestSolidIsIt() {
        // A broadcast eight: its black lifted by the light, read as a dark blue solid alone.
        BallDisc tintedEight = disc(30, BLACK, 70, BLUE);
        BallDisc darkSolid = disc(25, BLACK, 75, BLUE);
        assertEquals(List.of(BallType.SOLID, BallType.EIGHT), typesOf(new double[] {1, 1}, darkSolid, tintedEight));
        assertEquals(List.of(BallType.SOLID), typesOf(new double[] {1}, disc(15, BLACK, 85, BLUE)),
                "too little black to be the eight");
        assertEquals(List.of(BallType.EIGHT, BallType.SOLID),
                typesOf(new double[] {1, 1}, disc(100, BLACK, 0, BLUE), darkSolid), "the eight is already there");
    }

    private List<BallType> typesOf(double[] ballness, BallDisc... discs) {
        return classifier.classifyAll(List.of(discs), ballness).stream().map(Classification::type).toList();
    }

    /** A disc of the given radius (its inner 0.85, as the detector takes it), each pixel coloured by where it lies. */
    private static BallDisc discOfRadius(double radius, BiFunction<Integer, Integer, int[]> colourAt) {
        ByteArrayOutputStream hsv = new ByteArrayOutputStream();
        ByteArrayOutputStream offsets = new ByteArrayOutputStream();
        int r = (int) Math.ceil(radius);
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (Math.hypot(dx, dy) <= 0.85 * radius) {
                    for (int c : colourAt.apply(dx, dy)) {
                        hsv.write(c);
                    }
                    offsets.write(dx);
                    offsets.write(dy);
                }
            }
        }
        return new BallDisc(hsv.toByteArray(), offsets.toByteArray(), radius);
    }

    /** A disc of {@code n} pixels of one HSV colour and {@code m} of another. */
    private static BallDisc disc(int n, int[] first, int m, int[] second) {
        byte[] hsv = new byte[3 * (n + m)];
        for (int i = 0; i < n + m; i++) {
            int[] colour = i < n ? first : second;
            for (int c = 0; c < 3; c++) {
                hsv[3 * i + c] = (byte) colour[c];
            }
        }
        return BallDisc.ofColours(hsv);
    }
}

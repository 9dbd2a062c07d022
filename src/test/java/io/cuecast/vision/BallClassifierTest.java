package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.table.BallType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pool frame's balls told together: one cue ball and one eight at most. */
class BallClassifierTest {
    private static final int[] WHITE = {0, 20, 230};
    private static final int[] BLACK = {0, 0, 20};
    /** Hue 110 on OpenCV's scale: the 2's blue. */
    private static final int[] BLUE = {110, 200, 120};
    private final BallClassifier classifier = new BallClassifier();

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
        byte[] eight = disc(90, BLACK, 10, BLUE);
        byte[] darkBlue = disc(80, BLACK, 20, BLUE);
        byte[] shadow = disc(55, BLACK, 45, WHITE);
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
        byte[] tintedEight = disc(30, BLACK, 70, BLUE);
        byte[] darkSolid = disc(25, BLACK, 75, BLUE);
        assertEquals(List.of(BallType.SOLID, BallType.EIGHT), typesOf(new double[] {1, 1}, darkSolid, tintedEight));
        assertEquals(List.of(BallType.SOLID), typesOf(new double[] {1}, disc(15, BLACK, 85, BLUE)),
                "too little black to be the eight");
        assertEquals(List.of(BallType.EIGHT, BallType.SOLID),
                typesOf(new double[] {1, 1}, disc(100, BLACK, 0, BLUE), darkSolid), "the eight is already there");
    }

    private List<BallType> typesOf(double[] ballness, byte[]... discs) {
        return classifier.classifyAll(List.of(discs), ballness).stream().map(Classification::type).toList();
    }

    /** A disc of {@code n} pixels of one HSV colour and {@code m} of another. */
    private static byte[] disc(int n, int[] first, int m, int[] second) {
        byte[] hsv = new byte[3 * (n + m)];
        for (int i = 0; i < n + m; i++) {
            int[] colour = i < n ? first : second;
            for (int c = 0; c < 3; c++) {
                hsv[3 * i + c] = (byte) colour[c];
            }
        }
        return hsv;
    }
}

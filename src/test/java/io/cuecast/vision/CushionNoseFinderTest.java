package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CushionNoseFinderTest {

    /** Bern's top cushion as an outline's bounding rectangle sees it: two pixels of rail first. */
    private static final double[] FROM_THE_RAIL = {102, 141, 155, 156, 156, 156, 155, 155, 154, 154, 154, 155, 156,
        150, 144, 139, 137, 137, 137, 140, 145, 149, 150, 150, 150, 151, 151, 150, 150};

    @Test
    void theClimbFromTheRailOntoTheCushionIsNotTheNose() {
        assertEquals(2, CushionNoseFinder.pastTheRail(FROM_THE_RAIL));
        double nose = CushionNoseFinder.noseIn(FROM_THE_RAIL);
        assertEquals(19, nose, 1.5, "the bed's rise past the nose's shadow, not the rail at 0-2");
    }

    @Test
    void aProfileStartingOnClothSkipsNothing() {
        double[] onCloth = new double[FROM_THE_RAIL.length - 2];
        System.arraycopy(FROM_THE_RAIL, 2, onCloth, 0, onCloth.length);
        assertEquals(0, CushionNoseFinder.pastTheRail(onCloth));
        assertEquals(17, CushionNoseFinder.noseIn(onCloth), 1.5);
    }

    @Test
    void aLineThroughMostStretchesIgnoresTheFewABallMoved() {
        // Eight stretches of a nose leaning 4 px along the side; two, where balls rest on the cushion, read 8 px deeper.
        List<double[]> noses = new ArrayList<>();
        double[] along = {0.15, 0.22, 0.28, 0.35, 0.65, 0.72, 0.78, 0.85};
        for (double t : along) {
            noses.add(new double[] {t, 22 + 4 * t + (t < 0.25 ? 8 : 0)});
        }
        double[] fit = StraightFit.throughMostOf(noses, 1);
        assertEquals(22, fit[0], 0.01);
        assertEquals(4, fit[1], 0.01);
    }

    @Test
    void withNoLineThroughHalfTheStretchesTheNoseIsTheirMedian() {
        double[] along = {0.15, 0.22, 0.28, 0.35, 0.65, 0.72, 0.78, 0.85};
        double[] scattered = {10, 30, 50, 15, 45, 25, 35, 5};
        List<double[]> noses = new ArrayList<>();
        for (int i = 0; i < along.length; i++) {
            noses.add(new double[] {along[i], scattered[i]});
        }
        double[] fit = StraightFit.throughMostOf(noses, 1);
        assertEquals(30, fit[0], 1e-9);
        assertEquals(0, fit[1], 1e-9);
    }
}

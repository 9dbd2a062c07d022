package io.cuecast.camera.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CueStickTest {
    /** Tip at (1000, 500), pointing right: the stick lies from x = -470 to x = 1000. */
    private final CueStick stick = new CueStick(1000, 500, 0);

    @Test
    void coversTheTaperedStripBehindTheTipOnly() {
        assertTrue(stick.covers(990, 500));
        assertTrue(stick.covers(999, 506));
        assertFalse(stick.covers(999, 507), "wider than the tip");
        assertTrue(stick.covers(1000 - CueStick.LENGTH_MM + 1, 514), "the butt is wider");
        assertFalse(stick.covers(1005, 500), "ahead of the tip");
        assertFalse(stick.covers(1000 - CueStick.LENGTH_MM - 5, 500), "behind the butt");
    }

    @Test
    void sharesOfACoveredBallAddUp() {
        double r = 28.575;
        assertEquals(0, stick.coveredShareOfDisc(700, 600, r));
        assertEquals(0, stick.coveredShareOfDisc(1040, 500, r), "a ball just ahead of the tip");
        double half = stick.coveredShareOfDisc(500, 500 + r, r);
        assertTrue(half > 0.05 && half < 0.5, "the stick crosses the ball's edge: " + half);
        double middle = stick.coveredShareOfDisc(500, 500, r);
        assertTrue(middle > 0.3 && middle < 0.6, "a 20 mm stick over a 57 mm ball: " + middle);
    }

    @Test
    void rotatedStickPointsItsWay() {
        CueStick down = new CueStick(0, 0, Math.PI / 2);
        assertTrue(down.covers(0, -100));
        assertFalse(down.covers(0, 100));
        assertEquals(-100, down.axisY(100), 1e-9);
    }
}

package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * When a stopped ball came to rest, judged after the fact from where it stopped: at the frame its
 * speed fell through the rest speed, whatever the detector's noise does to its positions.
 */
class RecentPathTest {
    /** Rest speed 25 mm/s; the rest is the tracker's defaults. */
    private static final TrackingLimits LIMITS = new TrackingLimits(8000, 5, 3, 1.0, 25, 1);
    private static final double DECELERATION = TrackingLimits.ROLLING_DECELERATION_MM_S2;
    private static final long FRAME_US = 33_333;
    private static final double NOISE_MM = 1;

    @Test
    void aBallRollingToAStopCameToRestWhereItsSpeedFellThroughTheRestSpeed() {
        // 60 mm/s, slowing at 100 mm/s²: below 25 mm/s after 0.35 s, frame 10.5.
        for (int seed = 0; seed < 50; seed++) {
            Random noise = new Random(seed);
            RecentPath path = new RecentPath();
            for (int frame = 0; frame < 30; frame++) {
                double s = Math.min(frame * FRAME_US / 1e6, 0.6);
                seen(path, noise, frame, 1000 + 60 * s - DECELERATION / 2 * s * s, 500);
            }
            long rest = path.cameToRestUs(LIMITS, 0).orElseThrow();
            assertEquals(10.5, (double) rest / FRAME_US, 1.5, "seed " + seed);
        }
    }

    @Test
    void aBallStoppedDeadCameToRestWhereItWasHit() {
        for (int seed = 0; seed < 50; seed++) {
            Random noise = new Random(seed);
            RecentPath path = new RecentPath();
            for (int frame = 0; frame < 30; frame++) {
                seen(path, noise, frame, 1000 + 15 * Math.min(frame, 12), 500);
            }
            long rest = path.cameToRestUs(LIMITS, 0).orElseThrow();
            assertEquals(12, (double) rest / FRAME_US, 1, "seed " + seed);
        }
    }

    @Test
    void aBallNudgedFromRestIsDatedFromItsOwnRollNotFromWhereItLayBefore() {
        // It lay still until frame 20, then rolled off at 40 mm/s, 8 mm to a stop 0.4 s later: at
        // 25 mm/s 0.15 s on, frame 24.5. The tracker saw the kick two frames late, in frame 22, and
        // dates the rest once the ball has been seen stopped for a few frames (frame 38). Its
        // positions near 25 mm/s are few and each a frame or so out, so a few in a hundred miss.
        int within2 = 0;
        double worst = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random noise = new Random(seed);
            RecentPath path = new RecentPath();
            for (int frame = 0; frame <= 38; frame++) {
                double s = Math.max(0, Math.min((frame - 20) * FRAME_US / 1e6, 0.4));
                seen(path, noise, frame, 700, 300 + 40 * s - DECELERATION / 2 * s * s);
            }
            double error = Math.abs((double) path.cameToRestUs(LIMITS, 22 * FRAME_US).orElseThrow() / FRAME_US - 24.5);
            within2 += error <= 2 ? 1 : 0;
            worst = Math.max(worst, error);
        }
        assertTrue(within2 >= 180, within2 + " of 200 within 2 frames");
        assertTrue(worst < 5, "worst " + worst + " frames");
    }

    @Test
    void tooShortAPathTellsNothing() {
        RecentPath path = new RecentPath();
        Random noise = new Random(1);
        for (int frame = 0; frame < 3; frame++) {
            seen(path, noise, frame, 1000, 500);
        }
        OptionalLong rest = path.cameToRestUs(LIMITS, 0);
        assertTrue(rest.isEmpty(), "rest from 3 points: " + rest);
    }

    private static void seen(RecentPath path, Random noise, int frame, double xMm, double yMm) {
        path.add(frame * FRAME_US, xMm + noise.nextGaussian() * NOISE_MM, yMm + noise.nextGaussian() * NOISE_MM);
    }
}

package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BallTrackerTest {
    private static final long FRAME_US = 33_333;
    private final BallTracker tracker = new BallTracker(TableSpec.POOL_9FT, new TrackingLimits(8000, 2, 0.5, 1.0, 20, 2));

    private static BallDetection ball(double x, double y, BallType type, Integer number) {
        return new BallDetection(x, y, x, y, 12, type, number, 0.9);
    }

    private static BallDetection unknown(double x, double y) {
        return ball(x, y, BallType.UNKNOWN, null);
    }

    private static Detection frame(long n, BallDetection... balls) {
        return new Detection(n, n * FRAME_US, null, List.of(balls), 1);
    }

    private static TrackedBall withId(TableState state, int id) {
        return state.balls().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aFastBallsMisreadDetectionIsNotTakenByAMovingNeighbourItsKickCouldNotReach() {
        // Stripe 14 and solid 4 roll side by side at 1.1 m/s, 180 mm apart.
        double step = 1100 * FRAME_US / 1e6;
        int n = 0;
        for (; n < 20; n++) {
            tracker.update(frame(n, ball(500 + step * n, 300, BallType.STRIPE, 14), ball(500 + step * n, 480, BallType.SOLID, 4)));
        }
        // Then the four is missed and the fourteen read as a solid with no number, 10 mm off its line.
        TableState state = tracker.update(frame(n, ball(500 + step * n, 310, BallType.SOLID, null)));
        TrackedBall seen = state.balls().stream().filter(b -> b.missedFrames() == 0).findFirst().orElseThrow();
        assertEquals(1, seen.id(), "the detection went to the fourteen's track: " + state.balls());
    }

    @Test
    void aStruckBallThatLandsWhereItsNeighbourLayKeepsItsIdAndSoDoesTheNeighbour() {
        // A break: the cue ball comes at the rack's apex (the 13) at 7.6 m/s; the 14 touches the 13 behind it.
        int n = 0;
        for (; n < 10; n++) {
            tracker.update(frame(n, ball(1340, 513, BallType.CUE, 0), ball(1905, 635, BallType.STRIPE, 13),
                    ball(1955, 664, BallType.STRIPE, 14), ball(1954, 606, BallType.STRIPE, 9)));
        }
        tracker.update(frame(n++, ball(1592, 564, BallType.CUE, 0), ball(1905, 635, BallType.STRIPE, 13),
                ball(1955, 664, BallType.STRIPE, 14), ball(1954, 606, BallType.STRIPE, 9)));
        tracker.update(frame(n++, ball(1847, 615, BallType.CUE, 0), ball(1905, 635, BallType.STRIPE, 13),
                ball(1955, 664, BallType.STRIPE, 14), ball(1954, 606, BallType.STRIPE, 9)));
        // Struck, the 13 has gone 55 mm to where the 14 lay, and the 14 65 mm on; both numbers read right.
        TableState state = tracker.update(frame(n, ball(1700, 523, BallType.CUE, 0), ball(1954.6, 664, BallType.STRIPE, 13),
                ball(1997.8, 714.5, BallType.STRIPE, 14), ball(1972, 594, BallType.STRIPE, 9)));
        TrackedBall thirteen = withId(state, 2);
        TrackedBall fourteen = withId(state, 3);
        assertEquals(13, thirteen.number());
        assertEquals(1954.6, thirteen.xMm(), 1, "the 13's track took the 13's detection: " + state.balls());
        assertEquals(14, fourteen.number());
        assertEquals(1997.8, fourteen.xMm(), 1, "the 14's track took the 14's detection: " + state.balls());
    }

    @Test
    void idsFollowBallsThatCrossPaths() {
        tracker.update(frame(0, ball(100, 500, BallType.SOLID, 3), ball(300, 500, BallType.STRIPE, 11)));
        TableState crossed = null;
        for (int n = 1; n <= 10; n++) {
            crossed = tracker.update(frame(n, ball(100 + 20 * n, 500, BallType.SOLID, 3),
                    ball(300 - 20 * n, 510, BallType.STRIPE, 11)));
        }
        TrackedBall solid = withId(crossed, 1);
        assertEquals(3, solid.number(), "track 1 stayed on the 3 through the crossing");
        assertEquals(300, solid.xMm(), 1);
        assertEquals(600, solid.vxMmPerS(), 20, "20 mm per 33.3 ms frame is 600 mm/s");
    }

    @Test
    void aFastBallKeepsItsIdFromFrameToFrame() {
        TableState state = null;
        for (int n = 0; n < 12; n++) {
            // 7 m/s: 233 mm a frame, four ball diameters.
            state = tracker.update(frame(n, unknown(100 + 233.33 * n, 600), unknown(1000, 200 + 0.3 * (n % 2))));
        }
        assertEquals(List.of(1, 2), state.balls().stream().map(TrackedBall::id).toList());
        assertEquals(7000, withId(state, 1).vxMmPerS(), 30);
        assertTrue(withId(state, 1).moving());
        assertFalse(withId(state, 2).moving(), "a ball that only jitters by noise is at rest");
    }

    @Test
    void aStrikeOnTouchingBallsLeavesEachIdOnItsOwnColour() {
        // The cue ball runs into the 5 ball and stops; the 5 goes on at its speed: the motion alone
        // would hand the cue ball's id to the 5.
        double contact = 57.15;
        List<Detection> frames = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            frames.add(frame(n, ball(500 - contact - 100 * (9 - n), 600, BallType.CUE, 0), ball(500, 600, BallType.SOLID, 5)));
        }
        for (int n = 10; n < 20; n++) {
            frames.add(frame(n, ball(500 - contact, 600, BallType.CUE, 0), ball(500 + 100 * (n - 9), 600, BallType.SOLID, 5)));
        }
        TableState state = null;
        for (Detection f : frames) {
            state = tracker.update(f);
        }
        assertEquals(0, withId(state, 1).number());
        assertEquals(500 - contact, withId(state, 1).xMm(), 1);
        assertEquals(5, withId(state, 2).number());
        assertEquals(3000, withId(state, 2).vxMmPerS(), 50);
    }

    @Test
    void aBallMissedForAFrameKeepsItsIdAndOneGoneLongerThanTheGraceTimeLeavesAsLost() {
        tracker.update(frame(0, ball(1000, 600, BallType.CUE, 0)));
        TableState missed = tracker.update(frame(1));
        assertEquals(1, missed.balls().get(0).missedFrames());
        TableState back = tracker.update(frame(2, ball(1001, 600, BallType.CUE, 0)));
        assertEquals(List.of(1), back.balls().stream().map(TrackedBall::id).toList());
        TableState gone = null;
        int n = 3;
        while (gone == null || gone.departures().isEmpty()) {
            gone = tracker.update(frame(n++));
            assertTrue(n < 40, "the ball never left");
        }
        assertEquals(0.5, (n - 1 - 2) * FRAME_US / 1e6, 0.04, "held for the 0.5 s grace time");
        assertFalse(gone.departures().get(0).pocketed());
        assertTrue(gone.balls().isEmpty());
        TableState restored = tracker.update(frame(n, ball(200, 300, BallType.CUE, 0)));
        assertEquals(1, restored.balls().get(0).id(), "the cue ball came back under its old id");
        assertEquals(List.of(1), restored.returns().stream().map(TrackedBall::id).toList());
    }

    @Test
    void aBallThatRollsIntoAPocketLeavesAsPocketedThere() {
        TableState state = null;
        int n = 0;
        // Towards the bottom-right corner (2540, 1270), 1.5 m/s along the diagonal.
        for (; n < 20; n++) {
            double along = 35 * n;
            state = tracker.update(frame(n, ball(2540 - 800 + along * 0.894, 1270 - 400 + along * 0.447, BallType.SOLID, 2)));
        }
        while (state.departures().isEmpty()) {
            state = tracker.update(frame(n++));
            assertTrue(n < 30, "the ball never left");
        }
        assertEquals("bottom-right", state.departures().get(0).pocket());
        assertEquals(2, state.departures().get(0).ball().number());
    }

    @Test
    void aBallAFewCentimetresFromTheCueBallKeepsItsIdWhenTheStrikeSendsItOffInTheSameFrame() {
        // Against the right cushion: the eight, solid 2 and, nine millimetres below it, the cue ball,
        // long at rest. The stroke's first frame moves the cue ball and solid 2 (its number unread) 7 mm each.
        BallDetection eight = ball(2507, 593, BallType.EIGHT, 8);
        int n = 0;
        for (; n < 100; n++) {
            tracker.update(frame(n, eight, ball(2510, 656, BallType.SOLID, 2), ball(2511, 722, BallType.CUE, 0)));
        }
        int solidId = tracker.update(frame(n++, eight, ball(2510, 656, BallType.SOLID, 2), ball(2511, 722, BallType.CUE, 0)))
                .balls().stream().filter(b -> b.type() == BallType.SOLID).findFirst().orElseThrow().id();
        TableState struck = tracker.update(frame(n, eight, ball(2510, 649, BallType.SOLID, null), ball(2509, 715, BallType.CUE, 0)));
        assertEquals(3, struck.balls().size(), "a new ball was made of the struck one: " + struck.balls());
        assertTrue(struck.balls().stream().anyMatch(b -> b.id() == solidId && b.yMm() < 652), struck.balls().toString());
    }

    @Test
    void aCueBallThatBouncesBackOffTheBallItHitsKeepsItsId() {
        // A break: the cue ball at 7.5 m/s (250 mm a frame) into the one ball at rest. Mid-frame it
        // hits it and comes back: seen 150 mm behind where it last was, 400 mm short of where it
        // would have got to, its number unread. The one ball, its number unread too, is seen 20 mm on.
        BallDetection one = ball(2000, 600, BallType.SOLID, 1);
        int n = 0;
        for (; n < 5; n++) {
            tracker.update(frame(n, ball(500, 600, BallType.CUE, 0), one));
        }
        for (int k = 1; k <= 5; k++, n++) {
            tracker.update(frame(n, ball(500 + 250 * k, 600, BallType.CUE, 0), one));
        }
        TableState hit = tracker.update(frame(n, ball(1600, 600, BallType.CUE, null), ball(2020, 600, BallType.SOLID, null)));
        assertEquals(List.of(1, 2), hit.balls().stream().map(TrackedBall::id).sorted().toList(), hit.balls().toString());
        assertEquals(1600, withId(hit, 1).xMm(), 5, "the cue ball's track is where the cue ball was seen");
        assertEquals(2020, withId(hit, 2).xMm(), 5, "the one ball's track is where the one ball was seen");
    }

    @Test
    void aRestingBallSetMovingWithNoMovingBallNearKeepsItsId() {
        // Nothing moving came near the five: a chain of touching balls set it off within one frame.
        // It is seen 8 mm on (eight noise deviations), its number unread.
        int n = 0;
        for (; n < 10; n++) {
            tracker.update(frame(n, ball(1500, 600, BallType.SOLID, 5), ball(500, 300, BallType.CUE, 0)));
        }
        TableState moved = tracker.update(frame(n, ball(1508, 600, BallType.SOLID, null), ball(500, 300, BallType.CUE, 0)));
        assertEquals(List.of(1, 2), moved.balls().stream().map(TrackedBall::id).toList(), moved.balls().toString());
        assertEquals(1508, withId(moved, 1).xMm(), 1, "the five's track is where it was seen");
    }

    @Test
    void aBallThatRollsToRestInTheJawsAndVanishesAtOnceCreptIn() {
        // Rolling towards the bottom-right corner at 200 mm/s, slowing by 100 mm/s² to rest 45 mm from it.
        TableState state = null;
        boolean seenMoving = false;
        int n = 0;
        do {
            double untilStop = Math.max(0, 2.0 - n * FRAME_US / 1e6);
            double fromCorner = 45 + 0.5 * 100 * untilStop * untilStop;
            state = tracker.update(frame(n++, ball(2540 - fromCorner * 0.707, 1270 - fromCorner * 0.707, BallType.SOLID, 2)));
            seenMoving |= state.balls().get(0).moving();
            assertTrue(n < 90, "never told at rest");
        } while (!seenMoving || state.balls().get(0).moving());
        while (state.departures().isEmpty()) {
            state = tracker.update(frame(n++));
            assertTrue(n < 100, "told at rest in the jaws and gone at once, it was not taken for pocketed");
        }
        assertEquals("bottom-right", state.departures().get(0).pocket());
    }

    @Test
    void aRestingBallHiddenInTheJawsLongAfterTheLastContactIsNotPocketed() {
        // Solid 1 in the bottom-right jaws, solid 7 touching it; stripe 12 rolls close by 7 and back.
        BallDetection inTheJaws = ball(2505, 1245, BallType.SOLID, 1);
        BallDetection touching = ball(2447, 1245, BallType.SOLID, 7);
        int n = 0;
        for (; n < 10; n++) {
            tracker.update(frame(n, inTheJaws, touching, ball(2170 + 30 * n, 1160, BallType.STRIPE, 12)));
        }
        for (int back = 0; back < 15; back++, n++) {
            tracker.update(frame(n, inTheJaws, touching, ball(2440 - 30 * back, 1160, BallType.STRIPE, 12)));
        }
        // A second and a half at rest: long enough for any nudge from the stripe to have shown.
        for (int still = 0; still < 45; still++, n++) {
            tracker.update(frame(n, inTheJaws, touching, ball(2020, 1160, BallType.STRIPE, 12)));
        }
        TableState state = null;
        for (int hidden = 0; hidden < 5; hidden++, n++) {
            state = tracker.update(frame(n, touching, ball(2020, 1160, BallType.STRIPE, 12)));
            assertTrue(state.departures().isEmpty(), "a ball at rest hidden for " + (hidden + 1) + " frames was taken for "
                    + state.departures());
        }
        state = tracker.update(frame(n, inTheJaws, touching, ball(2020, 1160, BallType.STRIPE, 12)));
        assertEquals(3, state.balls().size());
    }

    /** Solid 1 in the bottom-right jaws and solid 7 touching it, which stripe 12 rolls up against. */
    private static final BallDetection IN_THE_JAWS = ball(2505, 1245, BallType.SOLID, 1);
    private static final BallDetection TOUCHING_IT = ball(2447, 1245, BallType.SOLID, 7);
    private static final BallDetection STRIPE_AGAINST_THEM = ball(2390, 1245, BallType.STRIPE, 12);

    @Test
    void aBallInTheJawsHiddenJustAfterAContactIsPocketedOnlyWhenItStaysGone() {
        int n = rollUpAgainstThePairInTheJaws();
        // Hidden for 9 frames (0.3 s) just after the stripe pushed the pair: not taken for pocketed.
        for (int hidden = 0; hidden < 9; hidden++, n++) {
            TableState state = tracker.update(frame(n, TOUCHING_IT, STRIPE_AGAINST_THEM));
            assertTrue(state.departures().isEmpty(), "hidden " + (hidden + 1) + " frames: " + state.departures());
        }
        TableState back = tracker.update(frame(n, IN_THE_JAWS, TOUCHING_IT, STRIPE_AGAINST_THEM));
        assertEquals(List.of(1, 2, 3), back.balls().stream().map(TrackedBall::id).sorted().toList(),
                "the ball in the jaws is back with its id: " + back.balls());
    }

    @Test
    void aBallInTheJawsThatVanishesJustAfterAContactIsPocketedOnceItHasBeenGoneHalfASecond() {
        int n = rollUpAgainstThePairInTheJaws();
        TableState state;
        int gone = 0;
        do {
            state = tracker.update(frame(n++, TOUCHING_IT, STRIPE_AGAINST_THEM));
            assertTrue(++gone <= 16, "gone for 16 frames and not pocketed");
        } while (state.departures().isEmpty());
        assertTrue(gone >= 15, "pocketed after " + gone + " frames: a ball at rest is more often hidden than dropped");
        assertEquals("bottom-right", state.departures().get(0).pocket());
    }

    /** Stripe 12 rolls along the bottom cushion up against the pair in the jaws and stops; the next frame's number. */
    private int rollUpAgainstThePairInTheJaws() {
        int n = 0;
        for (; n < 30; n++) {
            double x = STRIPE_AGAINST_THEM.xMm() - Math.max(0, 20 - n) * 20;
            tracker.update(frame(n, IN_THE_JAWS, TOUCHING_IT, ball(x, 1245, BallType.STRIPE, 12)));
        }
        return n;
    }

    @Test
    void velocityAndAccelerationComeInMillimetresPerSecondAndPerSecondSquared() {
        Random noise = new Random(1);
        TableState state = null;
        double v0 = 2000;
        double decel = 300;
        for (int n = 0; n < 60; n++) {
            double t = n * FRAME_US / 1e6;
            double x = 200 + v0 * t - decel * t * t / 2;
            state = tracker.update(frame(n, unknown(x + noise.nextGaussian(), 600 + noise.nextGaussian())));
        }
        double t = 59 * FRAME_US / 1e6;
        TrackedBall ball = state.balls().get(0);
        assertEquals(v0 - decel * t, ball.vxMmPerS(), 25);
        assertEquals(-decel, ball.axMmPerS2(), 150);
        assertEquals(0, ball.vyMmPerS(), 25);
    }

    @Test
    void aMovingBallComesToRestAndStaysThere() {
        TableState state = null;
        Random noise = new Random(2);
        int n = 0;
        for (; n < 10; n++) {
            state = tracker.update(frame(n, unknown(500 + 30 * n, 600)));
        }
        assertTrue(state.balls().get(0).moving());
        int restedAt = -1;
        for (; n < 60; n++) {
            state = tracker.update(frame(n, unknown(770 + noise.nextGaussian(), 600 + noise.nextGaussian())));
            if (restedAt < 0 && !state.balls().get(0).moving()) {
                restedAt = n;
            }
            if (restedAt >= 0) {
                assertFalse(state.balls().get(0).moving(), "noise set the resting ball moving at frame " + n);
            }
        }
        assertTrue(restedAt >= 0 && restedAt <= 14, "at rest from frame " + restedAt);
        assertEquals(0, state.balls().get(0).speedMmPerS(), 1e-9);
    }

    @Test
    void oneMisreadFrameDoesNotFlipTheType() {
        for (int n = 0; n < 5; n++) {
            tracker.update(frame(n, ball(100, 100, BallType.STRIPE, 12)));
        }
        TrackedBall ball = tracker.update(frame(5, ball(100, 100, BallType.SOLID, 4))).balls().get(0);
        assertEquals(BallType.STRIPE, ball.type());
        assertEquals(12, ball.number());
    }
}

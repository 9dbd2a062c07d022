package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.CueDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events of scripted frames, through the real tracker. */
class EventDetectorTest {
    private static final long FRAME_US = 33_333;
    private final TrackingLimits limits = new TrackingLimits(8000, 5, 1, 1.0, 20, 2);
    private final BallTracker tracker = new BallTracker(TableSpec.POOL_9FT, limits);
    private final EventDetector detector = new EventDetector(TableSpec.POOL_9FT, limits);
    private final List<GameEvent> events = new ArrayList<>();
    private long frame;

    private void show(BallDetection... balls) {
        frame++;
        events.addAll(detector.onFrame(tracker.update(new Detection(frame, frame * FRAME_US, null, List.of(balls), 1))));
    }

    private static BallDetection ball(double x, double y, BallType type, int number) {
        return new BallDetection(x, y, x, y, 12, type, number, 0.9);
    }

    /** Five frames of balls at rest, one in which a detection strays, then ten at rest again. */
    private void showAtRestButForOneStrayFrame(BallDetection[] atRest, BallDetection[] strayed) {
        for (int n = 0; n < 5; n++) {
            show(atRest);
        }
        show(strayed);
        for (int n = 0; n < 10; n++) {
            show(atRest);
        }
    }

    private List<String> types() {
        return events.stream().map(GameEvent::type).toList();
    }

    @Test
    void aShotThatSinksTheOneInTheTopRightCornerIsToldFromStrikeToRest() {
        // The one ball rests 150 mm from the top-right corner on the diagonal; the cue ball comes at
        // it along the diagonal at 1.5 m/s (50 mm a frame), stops dead, and the one rolls in.
        double dx = 2540 / Math.hypot(2540, 1270);
        double dy = -1270 / Math.hypot(2540, 1270);
        double oneX = 2540 - dx * 150;
        double oneY = -dy * 150;
        double travel = 600 - TableSpec.POOL_9FT.ballDiameterMm();
        double cueStartX = oneX - dx * 600;
        double cueStartY = oneY - dy * 600;
        for (int n = 0; n < 5; n++) {
            show(ball(cueStartX, cueStartY, BallType.CUE, 0), ball(oneX, oneY, BallType.SOLID, 1));
        }
        int steps = (int) (travel / 50);
        for (int n = 1; n <= steps; n++) {
            show(ball(cueStartX + dx * 50 * n, cueStartY + dy * 50 * n, BallType.CUE, 0), ball(oneX, oneY, BallType.SOLID, 1));
        }
        double cueX = cueStartX + dx * travel;
        double cueY = cueStartY + dy * travel;
        for (int n = 1; n <= 2; n++) {
            show(ball(cueX, cueY, BallType.CUE, 0), ball(oneX + dx * 50 * n, oneY + dy * 50 * n, BallType.SOLID, 1));
        }
        // Told once the cue ball has been seen stopped long enough to know when it stopped (0.4 s),
        // dated to the last thing that happened: the one ball dropping, in the first frame it is missing.
        for (int n = 0; n < 20; n++) {
            show(ball(cueX, cueY, BallType.CUE, 0));
        }
        assertEquals(List.of("shot_started", "ball_collision", "ball_pocketed", "shot_ended"), types());
        assertEquals(5 + steps + 3, events.get(3).frame(), "the first frame without the one ball");
        GameEvent started = events.get(0);
        assertEquals(6, started.frame(), "the first frame the cue ball moved");
        assertEquals(List.of(1), started.ballIds());
        assertEquals(List.of(1, 2), events.get(1).ballIds());
        GameEvent pocketed = events.get(2);
        assertEquals(List.of(2), pocketed.ballIds());
        assertEquals("top-right", pocketed.details().get("pocket"));
        assertEquals(1, pocketed.details().get("number"));
        Map<String, Object> summary = events.get(3).details();
        assertEquals(2, summary.get("first_ball_hit"));
        assertEquals(List.of(Map.of("id", 2, "number", 1, "pocket", "top-right")), summary.get("balls_pocketed"));
        assertEquals(0, summary.get("cushions"));
    }

    @Test
    void anotherBallMovingWhileTheCueBallRestsStartsNoShot() {
        // A hand rolls the three across the table (or a detection of the hand jumps) beside a resting cue ball.
        for (int n = 0; n < 5; n++) {
            show(ball(500, 600, BallType.CUE, 0), ball(1200, 400, BallType.SOLID, 3));
        }
        for (int n = 1; n <= 10; n++) {
            show(ball(500, 600, BallType.CUE, 0), ball(1200 + 30 * n, 400, BallType.SOLID, 3));
        }
        assertTrue(!types().contains("shot_started"), "no stroke: " + types());

        for (int n = 1; n <= 5; n++) {
            show(ball(500 + 40 * n, 600, BallType.CUE, 0), ball(1500, 400, BallType.SOLID, 3));
        }
        assertEquals(List.of("shot_started"), types(), "the cue ball's stroke starts one");
        assertEquals(List.of(1), events.get(0).ballIds());
    }

    @Test
    void withNoCueBallKnownTheFirstBallToMoveStartsTheShot() {
        for (int n = 0; n < 5; n++) {
            show(ball(1200, 400, BallType.UNKNOWN, 0));
        }
        for (int n = 1; n <= 5; n++) {
            show(ball(1200 + 30 * n, 400, BallType.UNKNOWN, 0));
        }
        assertEquals(List.of("shot_started"), types());
        assertEquals(6, events.get(0).frame(), "told once it moved on, dated to the first frame it moved");
    }

    @Test
    void withNoCueBallOnTheTableARestingBallsDetectionStrayingForAFrameStartsNoShot() {
        // The cue ball was pocketed: a stripe's detection lands 6 mm off for one frame (noise, a glare).
        showAtRestButForOneStrayFrame(new BallDetection[] {ball(2178, 566, BallType.STRIPE, 10), ball(800, 300, BallType.SOLID, 2)},
                new BallDetection[] {ball(2172, 566, BallType.STRIPE, 10), ball(800, 300, BallType.SOLID, 2)});
        assertFalse(types().contains("shot_started"), types().toString());
    }

    @Test
    void aShotEndsInTheFrameItsLastBallStoppedThoughThatIsToldFramesLater() {
        // The cue ball rolls at 300 mm/s (10 mm a frame) and stops dead, as against a cushion.
        for (int n = 0; n < 5; n++) {
            show(ball(800, 600, BallType.CUE, 0));
        }
        for (int n = 1; n <= 20; n++) {
            show(ball(800 + 10 * n, 600, BallType.CUE, 0));
        }
        long stoppedFrame = frame + 1;
        while (!types().contains("shot_ended") && frame < stoppedFrame + 30) {
            show(ball(1000, 600, BallType.CUE, 0));
        }
        GameEvent ended = events.get(events.size() - 1);
        assertEquals("shot_ended", ended.type());
        assertEquals(stoppedFrame, ended.frame(), "the first frame it was seen still");
        assertEquals(ended.frame() * FRAME_US, ended.capturedAtUs());
        assertTrue(frame >= stoppedFrame + EventDetector.SETTLED_FRAMES, "told once it stayed still; told in frame " + frame);
    }

    @Test
    void aRackIsDetectedOnceAndItsBreakStartsTheGame() {
        List<BallDetection> rack = new ArrayList<>();
        double d = TableSpec.POOL_9FT.ballDiameterMm() + 0.2;
        int number = 1;
        for (int row = 0; row < 5; row++) {
            for (int i = 0; i <= row; i++) {
                rack.add(ball(1905 + row * d * Math.sqrt(3) / 2, 635 + (i - row / 2.0) * d,
                        number == 8 ? BallType.EIGHT : number < 8 ? BallType.SOLID : BallType.STRIPE, number));
                number++;
            }
        }
        List<BallDetection> table = new ArrayList<>(rack);
        table.add(ball(500, 635, BallType.CUE, 0));
        for (int n = 0; n < 5; n++) {
            show(table.toArray(BallDetection[]::new));
        }
        table.set(table.size() - 1, ball(700, 635, BallType.CUE, 0));
        show(table.toArray(BallDetection[]::new));
        assertEquals(List.of("rack_detected", "game_started", "shot_started"), types());
        assertEquals(15, events.get(0).ballIds().size());
        assertEquals(16, events.get(1).ballIds().get(0), "the cue ball broke");
    }

    @Test
    void aBallOffTheCushionIsACushionContact() {
        show(ball(1000, 200, BallType.CUE, 0));
        for (int n = 1; n <= 6; n++) {
            show(ball(1000 + 30 * n, 200 - 30 * n, BallType.CUE, 0));
        }
        // At y = 29 (a radius from the top cushion) it comes back down.
        for (int n = 1; n <= 4; n++) {
            show(ball(1180 + 25 * n, 20 + 25 * n + 9, BallType.CUE, 0));
        }
        assertTrue(types().contains("cushion_contact"), types().toString());
        GameEvent cushion = events.stream().filter(e -> e.type().equals("cushion_contact")).findFirst().orElseThrow();
        assertEquals("top", cushion.details().get("cushion"));
    }

    /** One frame with a cue ball at rest and, when {@code stick}, a cue stick aiming at it from the left. */
    @Test
    void aCueBallStruckFrozenToABallStartsTheShotWhenThatBallMovesOff() {
        // The cue ball touches the one ball. Struck, it passes its speed on and creeps a millimetre;
        // the one ball goes off at 900 mm/s (30 mm a frame) from frame 6.
        for (int n = 0; n < 5; n++) {
            show(ball(1000, 600, BallType.CUE, 0), ball(1057, 600, BallType.SOLID, 1));
        }
        for (int n = 1; n <= 4; n++) {
            show(ball(1000 + 0.3 * n, 600, BallType.CUE, 0), ball(1057 + 30 * n, 600, BallType.SOLID, 1));
        }
        assertEquals(List.of("shot_started"), types());
        assertEquals(6, events.get(0).frame(), "the first frame the one ball moved");
        assertEquals(List.of(1), events.get(0).ballIds(), "the cue ball was struck");
    }

    @Test
    void aBallBesideTheCueBallJumpingForOneFrameIsNoStroke() {
        // A detection of the one ball 6 mm off for a single frame (a hand's shadow, a glare).
        showAtRestButForOneStrayFrame(new BallDetection[] {ball(1000, 600, BallType.CUE, 0), ball(1057, 600, BallType.SOLID, 1)},
                new BallDetection[] {ball(1000, 600, BallType.CUE, 0), ball(1057, 606, BallType.SOLID, 1)});
        assertFalse(types().contains("shot_started"), types().toString());
    }

    private void showCue(boolean stick) {
        frame++;
        TableState state = tracker.update(new Detection(frame, frame * FRAME_US, null, List.of(ball(800, 600, BallType.CUE, 0)), 1));
        CueDetection cue = new CueDetection(0, 0, 740, 600, 0, 0, 0, 0, 0.9);
        events.addAll(detector.onFrame(stick ? new TableState(state.frameSequence(), state.capturedAtUs(), state.table(),
                state.tableFound(), state.balls(), state.departures(), state.returns(), cue) : state));
    }

    @Test
    void aimingStartsAfterThreeFramesWithTheStickAndEndsAfterSixWithout() {
        for (boolean stick : new boolean[] {true, true, false, true, true, false, false}) {
            showCue(stick);
        }
        assertEquals(List.of(), types(), "a stick seen twice, missed, seen twice again is not yet aiming");
        showCue(true);
        showCue(true);
        showCue(true);
        assertEquals(List.of("cue_detected"), types());
        GameEvent detected = events.get(0);
        assertEquals(10, detected.frame(), "the third frame in a row with the stick");
        assertEquals(List.of(), detected.ballIds());
        assertEquals(Map.of("tip", Map.of("x", 740.0, "y", 600.0), "angle_deg", 0.0), detected.details());

        for (boolean stick : new boolean[] {false, false, false, false, false, true, false, false, false, false, false}) {
            showCue(stick);
        }
        assertEquals(List.of("cue_detected"), types(), "five frames without the stick, then one with it, is still aiming");
        showCue(false);
        assertEquals(List.of("cue_detected", "cue_lost"), types());
        GameEvent lost = events.get(1);
        assertEquals(22, lost.frame(), "the sixth frame in a row without the stick");
        assertEquals(Map.of("aimed_s", 0.3), lost.details(), "from frame 8, the first of the three, to 16, the last seen");
    }
}

package io.cuecast.physics.prediction;

import static io.cuecast.physics.prediction.Fixtures.R;
import static io.cuecast.physics.prediction.Fixtures.TABLE;
import static io.cuecast.physics.prediction.Fixtures.ball;
import static io.cuecast.physics.prediction.Fixtures.cueBehind;
import static io.cuecast.physics.prediction.Fixtures.moving;
import static io.cuecast.physics.prediction.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.state.StateUpdate;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the route predicts: a steady aim once, again when the aim, the speed or the balls change; the stroke's speed. */
class PredictionStageTest {
    private static final TrackedBall CUE = ball(1, 600, 635);
    private static final TrackedBall OBJECT = ball(9, 1400, 700);

    private final PredictionStage stage = new PredictionStage(new EventPhysics(TABLE, EventPhysicsSettings.POOL),
            PredictionSettings.DEFAULTS);

    @Test
    void aSteadyAimIsPredictedOnceAndAgainOnlyWhenTheAimTurnsByMoreThanTheMinimum() {
        assertTrue(predictIfWorth(aimedAt(1, 0.0)), "the first aim");
        assertFalse(predictIfWorth(aimedAt(2, 0.0)), "the same aim");
        assertFalse(predictIfWorth(aimedAt(3, 0.4)), "turned by less than min-aim-change-deg (0.5)");
        assertTrue(predictIfWorth(aimedAt(4, 0.6)), "turned by more");
        assertFalse(predictIfWorth(aimedAt(5, 0.7)), "measured from the last prediction's aim, not the last state's");
        assertTrue(predictIfWorth(aimedAt(6, 1.2)));
    }

    @Test
    void aBallThatMovesOrGoesAsksForANewPrediction() {
        assertTrue(predictIfWorth(stage.aim(update(state(1, List.of(CUE, OBJECT), cueBehind(CUE, 40, 0, 1))))));
        TrackedBall nudged = ball(9, 1400 + 4, 700);
        assertFalse(predictIfWorth(stage.aim(update(state(2, List.of(CUE, nudged), cueBehind(CUE, 40, 0, 1))))),
                "4 mm is within min-ball-move-mm (5)");
        TrackedBall moved = ball(9, 1400 + 20, 700);
        assertTrue(predictIfWorth(stage.aim(update(state(3, List.of(CUE, moved), cueBehind(CUE, 40, 0, 1))))));
        assertTrue(predictIfWorth(stage.aim(update(state(4, List.of(CUE), cueBehind(CUE, 40, 0, 1))))), "ball 9 went");
    }

    @Test
    void nothingIsAimedWhileABallMovesOrWithoutACueAndTheNextAimIsPredictedAfresh() {
        assertTrue(predictIfWorth(aimedAt(1, 0.0)));
        AimedState rolling = stage.aim(update(state(2, List.of(CUE, moving(9, 1400, 700)), cueBehind(CUE, 40, 0, 1))));
        assertFalse(rolling.aimed());
        assertFalse(stage.worthPredicting(rolling));
        AimedState noCue = stage.aim(update(state(3, List.of(CUE, OBJECT), null)));
        assertFalse(noCue.aimed());
        assertTrue(predictIfWorth(aimedAt(4, 0.0)), "the same aim as before, but after the cue went away");
        assertEquals("state 3 has no aimed shot to predict",
                assertThrows(IllegalArgumentException.class, () -> stage.predict(noCue)).getMessage());
    }

    @Test
    void theSpeedIsTheStickClosingInOnTheBallDuringAStrokeAndTheDefaultOtherwise() {
        AimedState resting = stage.aim(update(state(1, List.of(CUE, OBJECT), cueBehind(CUE, 200, 0, 1))));
        assertFalse(resting.shot().speedMeasured());
        assertEquals(2000, resting.shot().speedMmPerS());
        assertEquals(1000, resting.shot().minSpeedMmPerS());
        assertEquals(3000, resting.shot().maxSpeedMmPerS());
        assertTrue(predictIfWorth(resting));

        // The stroke: the tip closes in at 1500 mm/s, 50 mm a frame at 30 frames a second.
        AimedState stroke = null;
        for (int frame = 2; frame <= 4; frame++) {
            stroke = stage.aim(update(state(frame, List.of(CUE, OBJECT), cueBehind(CUE, 200 - 50 * (frame - 1), 0, 1))));
        }
        assertTrue(stroke.shot().speedMeasured());
        assertEquals(1500, stroke.shot().speedMmPerS(), 1);
        assertEquals(1500 * 0.85, stroke.shot().minSpeedMmPerS(), 1);
        assertTrue(predictIfWorth(stroke), "the speed changed by more than min-speed-change-mm-s");
        Map<String, Object> wire = stage.toWire(stage.predict(stroke));
        assertEquals("cue", ((Map<?, ?>) wire.get("shot")).get("speed_source"));

        AimedState backSwing = stage.aim(update(state(5, List.of(CUE, OBJECT), cueBehind(CUE, 120, 0, 1))));
        assertFalse(backSwing.shot().speedMeasured(), "drawing back is not a stroke");
        AimedState waggle = stage.aim(update(state(6, List.of(CUE, OBJECT), cueBehind(CUE, 115, 0, 1))));
        assertFalse(waggle.shot().speedMeasured(), "150 mm/s is a waggle, not a stroke");
    }

    @Test
    void aPredictionTooSlowToSeeTheStrokeStillGetsItsSpeedFromTheNewestAim() {
        // The frame path observes every state; the prediction route, busy meanwhile, takes only the newest.
        for (int frame = 1; frame <= 4; frame++) {
            stage.observe(update(state(frame, List.of(CUE, OBJECT), cueBehind(CUE, 200 - 50 * (frame - 1), 0, 1))));
        }
        AimedState newest = stage.newestAim();
        assertEquals(4, newest.state().frameSequence());
        assertTrue(newest.shot().speedMeasured(), "the stroke was measured from states no prediction saw");
        assertEquals(1500, newest.shot().speedMmPerS(), 1);

        stage.observe(update(state(5, List.of(CUE, OBJECT), null)));
        assertFalse(stage.newestAim().aimed(), "the cue went: the newest aim is none");
    }

    @Test
    void aStrokeThatBeginsWithinAFrameIsMeasuredFromTheFramesAfter() {
        double[] gaps = {200, 200, 175, 125, 75}; // held, then struck half-way into the third frame's interval
        AimedState stroke = null;
        for (int frame = 1; frame <= gaps.length; frame++) {
            stroke = stage.aim(update(state(frame, List.of(CUE, OBJECT), cueBehind(CUE, gaps[frame - 1], 0, 1))));
        }
        assertTrue(stroke.shot().speedMeasured());
        assertEquals(1500, stroke.shot().speedMmPerS(), 1, "50 mm a frame once the stroke is under way, not the 1275"
                + " a fit through the held frame reads");
    }

    @Test
    void aStrokeSeenBeginningInOneFrameIsAtLeastThatFastAndPredictedAfresh() {
        AimedState held = stage.aim(update(state(1, List.of(CUE, OBJECT), cueBehind(CUE, 200, 0, 1))));
        assertTrue(predictIfWorth(held));
        AimedState stillHeld = stage.aim(update(state(2, List.of(CUE, OBJECT), cueBehind(CUE, 200, 0, 1))));
        assertFalse(predictIfWorth(stillHeld));
        // 15 mm closer a frame later (450 mm/s at 30 fps): the stroke began somewhere in that frame.
        AimedState begun = stage.aim(update(state(3, List.of(CUE, OBJECT), cueBehind(CUE, 185, 0, 1))));
        assertEquals(ShotEstimate.SpeedSource.STROKE_BEGUN, begun.shot().speedSource());
        assertEquals(450, begun.shot().minSpeedMmPerS(), 1, "at least as fast as the frame showed");
        assertEquals(2000, begun.shot().speedMmPerS(), "the default, being faster than that");
        assertEquals(8000, begun.shot().maxSpeedMmPerS(), "up to the break speed: a fast stroke shows one frame only");
        assertTrue(predictIfWorth(begun), "the same nominal speed, but a stroke under way is worth predicting again");
        assertEquals("stroke_begun", ((Map<?, ?>) stage.toWire(stage.predict(begun)).get("shot")).get("speed_source"));

        AimedState measured = stage.aim(update(state(4, List.of(CUE, OBJECT), cueBehind(CUE, 170, 0, 1))));
        assertEquals(ShotEstimate.SpeedSource.CUE, measured.shot().speedSource(), "two frames of the stroke: measured");
        assertEquals(450, measured.shot().speedMmPerS(), 1);
    }

    @Test
    void aHeldSticksJitterIsNotTheStrokesStartAndTheTipBesideTheBallIsLeftOut() {
        // held at about 205 mm, jittering by 4 mm, then 21 mm closer: the stroke began in that frame
        double[] gaps = {204, 208, 204, 183};
        AimedState begun = null;
        for (int frame = 1; frame <= gaps.length; frame++) {
            begun = stage.aim(update(state(frame, List.of(CUE, OBJECT), cueBehind(CUE, gaps[frame - 1], 0, 1))));
        }
        assertEquals(ShotEstimate.SpeedSource.STROKE_BEGUN, begun.shot().speedSource(),
                "one step of the stroke seen, not a 630 mm/s stroke measured from the jitter before it");
        // then 55 mm a frame (1650 mm/s), and a last frame 5 mm from the ball that reads 20 mm
        double[] stroke = {128, 73, 20};
        AimedState last = null;
        for (int i = 0; i < stroke.length; i++) {
            last = stage.aim(update(state(gaps.length + 1 + i, List.of(CUE, OBJECT), cueBehind(CUE, stroke[i], 0, 1))));
        }
        assertEquals(ShotEstimate.SpeedSource.CUE, last.shot().speedSource());
        assertEquals(1650, last.shot().speedMmPerS(), 1, "fitted over 183, 128 and 73 mm; not the 20 mm beside the ball");
    }

    @Test
    void aShotAtARackIsPlayedAtTheBreakSpeedUnlessTheStrokeIsSeen() {
        List<TrackedBall> balls = new ArrayList<>(List.of(CUE));
        int id = 2;
        for (int row = 0; row < 4; row++) { // a triangle of 10 touching balls, its apex towards the cue ball
            for (int k = 0; k <= row; k++) {
                balls.add(ball(id++, 1900 + row * 2 * R * Math.sqrt(0.75), 635 + (k - row / 2.0) * 2 * R));
            }
        }
        AimedState atRack = stage.aim(update(state(1, balls, cueBehind(CUE, 200, 0, 1))));
        assertEquals(ShotEstimate.SpeedSource.BREAK, atRack.shot().speedSource());
        assertEquals(8000, atRack.shot().speedMmPerS());
        assertEquals(6500, atRack.shot().minSpeedMmPerS());
        assertEquals("break", ((Map<?, ?>) stage.toWire(stage.predict(atRack)).get("shot")).get("speed_source"));

        AimedState oneShort = stage.aim(update(state(2, balls.subList(0, 10), cueBehind(CUE, 200, 0, 1))));
        assertEquals(ShotEstimate.SpeedSource.DEFAULT, oneShort.shot().speedSource(), "9 packed balls are no rack");
    }

    @Test
    void theSettingsAreReadFromTheirKeysAndABadOneIsNamed() {
        PredictionSettings read = PredictionSettings.fromSettings(settings(Map.of(
                "cuecast.prediction.default-speed-mm-s", "3000", "cuecast.prediction.min-aim-change-deg", "1.5",
                "cuecast.prediction.confidence-samples", "8")));
        assertEquals(new PredictionSettings(3000, 1000, 8000, 1500, 0.5, 1.5, 200, 5, 8), read);
        assertEquals(PredictionSettings.DEFAULTS, PredictionSettings.fromSettings(settings(Map.of())));

        ConfigException bad = assertThrows(ConfigException.class, () -> PredictionSettings.fromSettings(
                settings(Map.of("cuecast.prediction.min-aim-change-deg", "lots"))));
        assertTrue(bad.getMessage().contains("cuecast.prediction.min-aim-change-deg"), bad.getMessage());
        ConfigException wide = assertThrows(ConfigException.class, () -> PredictionSettings.fromSettings(
                settings(Map.of("cuecast.prediction.default-speed-mm-s", "500", "cuecast.prediction.speed-spread-mm-s", "600"))));
        assertTrue(wide.getMessage().contains("cuecast.prediction.speed-spread-mm-s"), wide.getMessage());
        assertThrows(ConfigException.class, () -> PredictionSettings.fromSettings(
                settings(Map.of("cuecast.prediction.confidence-samples", "0"))));
        assertThrows(IllegalArgumentException.class, () -> new PredictionSettings(2000, 1000, 8000, 1500, -1, 0.5, 200, 5, 24));
    }

    private AimedState aimedAt(long frame, double angleDeg) {
        return stage.aim(update(state(frame, List.of(CUE, OBJECT), cueBehind(CUE, 40, angleDeg, 1))));
    }

    /** What the route's filter and prediction steps do with one state. */
    private boolean predictIfWorth(AimedState aimed) {
        if (!stage.worthPredicting(aimed)) {
            return false;
        }
        stage.predict(aimed);
        return true;
    }

    private static StateUpdate update(TableState state) {
        return new StateUpdate(state, List.of());
    }

    private static Settings settings(Map<String, String> values) {
        return new Settings(key -> Optional.ofNullable(values.get(key)));
    }
}

package io.cuecast.physics.prediction;

import static io.cuecast.physics.prediction.Fixtures.R;
import static io.cuecast.physics.prediction.Fixtures.TABLE;
import static io.cuecast.physics.prediction.Fixtures.ball;
import static io.cuecast.physics.prediction.Fixtures.cueBehind;
import static io.cuecast.physics.prediction.Fixtures.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.ShotEvent;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.vision.CueDetection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The prediction of the shot a cue aims: geometry that can be checked by hand, ids, confidence, bad input. */
class ShotPredictorTest {
    private final EventPhysics physics = new EventPhysics(TABLE, EventPhysicsSettings.POOL);
    private final ShotPredictor predictor = new ShotPredictor(physics, 32);

    @Test
    void aStraightShotsGhostBallTouchesTheObjectBallOnTheLineOfAim() {
        TrackedBall cue = ball(1, 600, 635);
        TrackedBall object = ball(9, 1400, 635);
        TableState state = state(3, List.of(cue, object), cueBehind(cue, 40, 0, 1));
        CueAim aim = CueAim.of(state, R, 0.5).orElseThrow();
        assertEquals(1, aim.cueBallId());
        assertEquals(40, aim.tipGapMm(), 1e-6);

        Prediction prediction = predictor.predict(state, ShotEstimate.atDefaultSpeed(aim, PredictionSettings.DEFAULTS));

        Prediction.GhostBall ghost = prediction.ghostBall();
        assertEquals(9, ghost.objectBallId());
        assertEquals(1400 - 2 * R, ghost.x(), 1e-4, "a full-ball hit: the cue ball's centre a diameter short of the object ball's");
        assertEquals(635, ghost.y(), 1e-6);
        // A stun-ish full hit: the object ball runs on along the line, the cue ball stays close to the ghost.
        var objectRest = prediction.outcome().restingPositions().get(9);
        assertEquals(635, objectRest.y(), 1e-6);
        assertTrue(objectRest.x() > 1400, "the object ball is driven on: " + objectRest);
        Map<String, Object> wire = TrajectoryMessages.toWire(prediction);
        assertEquals(Map.of("object_ball_id", 9, "position", Map.of("x", Math.round((1400 - 2 * R) * 10) / 10.0, "y", 635.0)),
                wire.get("ghost_ball"));
        assertEquals(9, wire.get("first_ball_hit"));
        assertEquals(3L, wire.get("frame"));
    }

    @Test
    void everyBallIsReportedUnderTheStatesIdAndOnlyMovingBallsHavePaths() {
        TrackedBall cue = ball(17, 600, 635);
        TrackedBall object = ball(42, 1400, 635);
        TrackedBall bystander = ball(5, 300, 200);
        TableState state = state(8, List.of(bystander, cue, object), cueBehind(cue, 60, 0, 0.9));
        CueAim aim = CueAim.of(state, R, 0.5).orElseThrow();
        assertEquals(17, aim.cueBallId(), "the ball on the stick's line, whatever its id");

        Map<String, Object> wire = TrajectoryMessages.toWire(
                predictor.predict(state, ShotEstimate.atDefaultSpeed(aim, PredictionSettings.DEFAULTS)));

        assertEquals(17, wire.get("cue_ball_id"));
        assertEquals(Set.of(17, 42), ids(wire.get("paths")), "the bystander does not move");
        assertEquals(Set.of(5, 17, 42), ids(wire.get("resting_positions")));
        List<?> collisions = (List<?>) wire.get("collisions");
        Map<?, ?> first = (Map<?, ?>) collisions.get(0);
        assertEquals("ball", first.get("type"));
        assertEquals(List.of(17, 42), first.get("balls"));
        double confidence = (Double) wire.get("confidence");
        assertTrue(confidence >= 0 && confidence <= 1, wire.toString());
        assertTrue((Double) wire.get("calculation_time_ms") > 0, "measured, not a constant");
    }

    @Test
    void aPotAlongThePocketsAxisDropsAndTheConfidenceFallsAsTheAimGetsLessCertain() {
        // The object ball 500 mm out from the top-right corner on its axis, the cue ball 100 mm behind it (a stun shot: it stops).
        double ux = Math.sqrt(0.5);
        double uy = -Math.sqrt(0.5);
        TrackedBall object = ball(9, TABLE.lengthMm() - 500, 500);
        TrackedBall cue = ball(1, object.xMm() - ux * (2 * R + 100), object.yMm() - uy * (2 * R + 100));
        TrackedBall blocker = ball(3, 900, 1000);
        List<TrackedBall> balls = List.of(cue, object, blocker);

        double sure = confidence(balls, cue, 0.1);
        double unsure = confidence(balls, cue, 4);
        double vague = confidence(balls, cue, 15);

        Prediction nominal = predictor.predict(state(1, balls, cueBehind(cue, 40, -45, 1)),
                ShotEstimate.atDefaultSpeed(CueAim.of(state(1, balls, cueBehind(cue, 40, -45, 1)), R, 0.1).orElseThrow(),
                        PredictionSettings.DEFAULTS));
        assertEquals(List.of(9), nominal.outcome().pocketEntries().stream().map(ShotEvent.PocketEntry::ball).toList());
        assertEquals("top-right", nominal.outcome().pocketEntries().get(0).pocket());
        assertEquals(1.0, sure, "0.1 degrees either way still pots it");
        assertTrue(unsure < sure, "4 degrees of doubt miss the pocket sometimes: " + unsure);
        assertTrue(vague < unsure, "15 degrees miss it more often: " + vague + " vs " + unsure);
        assertTrue(vague > 0, "a few still go in: " + vague);
    }

    @Test
    void theConfidenceTakesTheDetectionsConfidenceIntoAccount() {
        TrackedBall cue = ball(1, 600, 635);
        TrackedBall object = ball(9, 1400, 635);
        List<TrackedBall> balls = List.of(cue, object);
        CueAim sure = CueAim.of(state(1, balls, cueBehind(cue, 40, 0, 1)), R, 0.5).orElseThrow();
        CueAim unsure = CueAim.of(state(1, balls, cueBehind(cue, 40, 0, 0.25)), R, 0.5).orElseThrow();
        assertEquals(4 * sure.sigmaRad(), unsure.sigmaRad(), 1e-12);
        assertEquals(Math.toRadians(0.5), sure.sigmaRad(), 1e-12);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        TrackedBall cue = ball(1, 600, 635);
        TableState state = state(1, List.of(cue, ball(9, 1400, 635)), cueBehind(cue, 40, 0, 1));
        CueAim missing = new CueAim(77, 0, 0.01, 40);
        IllegalArgumentException notThere = assertThrows(IllegalArgumentException.class,
                () -> predictor.predict(state, ShotEstimate.atDefaultSpeed(missing, PredictionSettings.DEFAULTS)));
        assertEquals("the cue aims at ball 77, which is not in state 1", notThere.getMessage());

        TableState noTable = new TableState(4, 0, null, false, state.balls(), List.of(), List.of(), state.cue());
        CueAim aim = CueAim.of(state, R, 0.5).orElseThrow();
        assertEquals("a prediction needs the table, and state 4 has none", assertThrows(IllegalArgumentException.class,
                () -> predictor.predict(noTable, ShotEstimate.atDefaultSpeed(aim, PredictionSettings.DEFAULTS))).getMessage());

        assertThrows(IllegalArgumentException.class, () -> new ShotEstimate(aim, 2000, 2500, 3000, ShotEstimate.SpeedSource.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new ShotEstimate(aim, Double.NaN, 1, 3000, ShotEstimate.SpeedSource.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> new ShotEstimate(aim, 2000, 0, 3000, ShotEstimate.SpeedSource.DEFAULT));
        assertEquals("the confidence needs at least one sample, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ShotPredictor(physics, 0)).getMessage());
    }

    @Test
    void noCueOrNoBallOnItsLineIsNoAim() {
        TrackedBall cue = ball(1, 600, 635);
        List<TrackedBall> balls = List.of(cue, ball(9, 1400, 635));
        assertTrue(CueAim.of(state(1, balls, null), R, 0.5).isEmpty(), "no cue");
        var behind = cueBehind(cue, 40, 0, 1);
        var pointingAway = new CueDetection(0, 0, behind.tipXMm(), behind.tipYMm(), 0, 0, 180, 180, 1);
        assertTrue(CueAim.of(state(1, balls, pointingAway), R, 0.5).isEmpty(), "the stick points away from the ball");
        var pastTheBall = cueBehind(cue, -3 * R, 0, 1);
        assertTrue(CueAim.of(state(1, List.of(cue), pastTheBall), R, 0.5).isEmpty(), "the tip beyond the ball");
        var tooFar = cueBehind(cue, CueAim.MAX_TIP_GAP_MM + 10, 0, 1);
        assertTrue(CueAim.of(state(1, List.of(cue), tooFar), R, 0.5).isEmpty(), "the tip far behind");
        var beside = cueBehind(cue, 40, 20, 1);
        assertTrue(CueAim.of(state(1, List.of(cue), new CueDetection(0, 0, beside.tipXMm(),
                beside.tipYMm() + 3 * R, 0, 0, 20, 20, 1)), R, 0.5).isEmpty(), "the line passes beside the ball");
    }

    @Test
    void measuredBallsThatOverlapOrReachIntoACushionArePlayedFromTouching() {
        TrackedBall cue = ball(1, 600, 635);
        // Measured 1.5 mm into each other and 1 mm into the top cushion: noise, not a real layout.
        TrackedBall a = ball(4, 1400, R - 1);
        TrackedBall b = ball(5, 1400 + 2 * R - 1.5, R);
        TableState state = state(1, List.of(cue, a, b), cueBehind(cue, 40, 0, 1));
        Prediction prediction = predictor.predict(state,
                ShotEstimate.atDefaultSpeed(CueAim.of(state, R, 0.5).orElseThrow(), PredictionSettings.DEFAULTS));
        var restA = prediction.outcome().restingPositions().get(4);
        var restB = prediction.outcome().restingPositions().get(5);
        assertTrue(Math.hypot(restB.x() - restA.x(), restB.y() - restA.y()) >= 2 * R, restA + " " + restB);
        assertEquals(R, restA.y(), 1e-9);
        assertNull(prediction.ghostBall(), "the straight shot misses both");
    }

    private double confidence(List<TrackedBall> balls, TrackedBall cue, double aimNoiseDeg) {
        TableState state = state(1, balls, cueBehind(cue, 40, -45, 1));
        CueAim aim = CueAim.of(state, R, aimNoiseDeg).orElseThrow();
        return predictor.predict(state, ShotEstimate.atDefaultSpeed(aim, PredictionSettings.DEFAULTS)).confidence();
    }

    private static Set<Integer> ids(Object list) {
        Set<Integer> ids = new TreeSet<>();
        for (Object element : (List<?>) list) {
            ids.add((Integer) ((Map<?, ?>) element).get("id"));
        }
        return ids;
    }
}

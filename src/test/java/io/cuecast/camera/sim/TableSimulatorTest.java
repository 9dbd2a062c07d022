package io.cuecast.camera.sim;

import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.Shot;
import io.cuecast.physics.ShotEvent;
import io.cuecast.physics.ShotOutcome;
import io.cuecast.physics.ShotTimeline;
import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plays the game without rendering, which is cheap enough for long runs. */
class TableSimulatorTest {
    private static final TableSpec TABLE = TableSpec.POOL_9FT;
    private static final EventPhysics PHYSICS = new EventPhysics(TABLE, EventPhysicsSettings.POOL);

    @Test
    void sameSeedPlaysTheSameGame() {
        assertEquals(play(42, 600), play(42, 600));
    }

    @Test
    void differentSeedPlaysADifferentGame() {
        assertNotEquals(play(42, 600), play(43, 600));
    }

    @Test
    void longRunShootsCollidesPocketsAndRacksAgain() {
        TableSimulator simulator = new TableSimulator(TABLE, 30, 42);
        List<ShotEvent> events = new ArrayList<>();
        for (int frame = 0; frame < 6000; frame++) {
            events.addAll(simulator.advance());
            assertBallsOnTheCloth(simulator.state());
        }
        assertTrue(simulator.shotsTaken() >= 10, "shots: " + simulator.shotsTaken());
        assertTrue(events.stream().anyMatch(e -> e instanceof ShotEvent.BallCollision), "no collision");
        assertTrue(events.stream().anyMatch(e -> e instanceof ShotEvent.CushionCollision), "no cushion contact");
        assertTrue(events.stream().anyMatch(e -> e instanceof ShotEvent.PocketEntry), "nothing pocketed");
        assertTrue(simulator.racksSetUp() >= 2, "never racked again");
    }

    @Test
    void cueComesInAimsAndTheBreakSendsTheCueBallFast() {
        TableSimulator simulator = new TableSimulator(TABLE, 30, 42);
        int cueFrames = 0;
        while (simulator.shotsTaken() == 0) {
            simulator.advance();
            if (simulator.state().cue().isPresent()) {
                cueFrames++;
            }
        }
        assertTrue(cueFrames > 30, "the cue should aim for over a second, was " + cueFrames + " frames");
        BallState cueBall = simulator.state().balls().get(0);
        double speed = Math.hypot(cueBall.vxMmPerS(), cueBall.vyMmPerS());
        // Struck at 7 to 9 m/s; a frame later it has slid a frame's time at μs g = 1.96 m/s² less.
        assertTrue(speed > 6900 && speed < 9000, "break speed " + speed);
    }

    @Test
    void cueBallIsBackOnTheTableBeforeEveryShot() {
        TableSimulator simulator = new TableSimulator(TABLE, 30, 7);
        int shots = 0;
        for (int frame = 0; frame < 6000; frame++) {
            simulator.advance();
            if (simulator.shotsTaken() > shots) {
                shots = simulator.shotsTaken();
                assertEquals(0, simulator.state().balls().get(0).ball().number(), "shot " + shots + " without a cue ball");
            }
        }
    }

    @Test
    void aScratchedCueBallStaysInThePocketThroughThePause() {
        TableSimulator simulator = new TableSimulator(TABLE, 30, 7);
        int scratches = 0;
        for (int frame = 0; frame < 8000; frame++) {
            boolean scratched = simulator.advance().stream()
                    .anyMatch(event -> event instanceof ShotEvent.PocketEntry && event.ball() == 0);
            if (scratched) {
                scratches++;
                // The pause between shots is at least half a second: a player fetches the ball.
                for (int after = 0; after < 10; after++) {
                    assertTrue(simulator.state().balls().stream().noneMatch(ball -> ball.ball().number() == 0),
                            "the cue ball is back " + after + " frames after it dropped");
                    simulator.advance();
                }
            }
        }
        assertTrue(scratches > 0, "the game should have a scratch to look at");
    }

    @Test
    void eachShotPlaysOutAsTheEventPhysicsSimulatesIt() {
        TableSimulator simulator = new TableSimulator(TABLE, 30, 42);
        for (int shot = 1; shot <= 6; shot++) {
            List<io.cuecast.physics.BallState> before = List.of();
            while (simulator.shotsTaken() < shot) {
                before = atRest(simulator.state());
                simulator.advance();
            }
            ShotTimeline timeline = simulator.shotInPlay().orElseThrow();
            io.cuecast.physics.BallState cue = timeline.statesAt(0).get(0);
            ShotOutcome expected = PHYSICS.simulate(before, new Shot(0, cue.vx(), cue.vy()));

            List<ShotEvent> events = new ArrayList<>(simulator.advance());
            while (simulator.shotInPlay().isPresent()) {
                events.addAll(simulator.advance());
            }
            assertEquals(expected.events(), events, "shot " + shot);
            Map<Integer, BallState> after = new HashMap<>();
            simulator.state().balls().forEach(b -> after.put(b.ball().number(), b));
            assertEquals(expected.restingPositions().keySet(), after.keySet(), "balls left on the table, shot " + shot);
            for (Map.Entry<Integer, ShotOutcome.PathPoint> rest : expected.restingPositions().entrySet()) {
                BallState ball = after.get(rest.getKey());
                assertEquals(rest.getValue().x(), ball.xMm(), 1e-6, "shot " + shot + ": " + ball);
                assertEquals(rest.getValue().y(), ball.yMm(), 1e-6, "shot " + shot + ": " + ball);
            }
        }
    }

    private static List<io.cuecast.physics.BallState> atRest(TableState state) {
        return state.balls().stream().map(b -> io.cuecast.physics.BallState.atRest(b.ball().number(), b.xMm(), b.yMm()))
                .toList();
    }

    private static List<TableState> play(long seed, int frames) {
        TableSimulator simulator = new TableSimulator(TABLE, 30, seed);
        List<TableState> states = new ArrayList<>();
        for (int frame = 0; frame < frames; frame++) {
            simulator.advance();
            states.add(simulator.state());
        }
        return states;
    }

    /** On the cloth, or hanging in a pocket's mouth: never through a cushion. */
    private static void assertBallsOnTheCloth(TableState state) {
        for (BallState ball : state.balls()) {
            assertTrue(PHYSICS.holds(ball.xMm(), ball.yMm()), "off the cloth: " + ball);
        }
    }
}

package io.cuecast.camera.sim;

import io.cuecast.physics.PhysicsEvent;
import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plays the game without rendering, which is cheap enough for long runs. */
class TableSimulatorTest {
    private static final TableSpec TABLE = TableSpec.POOL_9FT;

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
        List<PhysicsEvent> events = new ArrayList<>();
        for (int frame = 0; frame < 6000; frame++) {
            events.addAll(simulator.advance());
            assertBallsOnTheCloth(simulator.state());
        }
        assertTrue(simulator.shotsTaken() >= 10, "shots: " + simulator.shotsTaken());
        assertTrue(events.stream().anyMatch(e -> e instanceof PhysicsEvent.BallCollision), "no collision");
        assertTrue(events.stream().anyMatch(e -> e instanceof PhysicsEvent.CushionContact), "no cushion contact");
        assertTrue(events.stream().anyMatch(e -> e instanceof PhysicsEvent.BallPocketed), "nothing pocketed");
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
        assertTrue(speed > 4500 && speed < 7000, "break speed " + speed);
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

    private static List<TableState> play(long seed, int frames) {
        TableSimulator simulator = new TableSimulator(TABLE, 30, seed);
        List<TableState> states = new ArrayList<>();
        for (int frame = 0; frame < frames; frame++) {
            simulator.advance();
            states.add(simulator.state());
        }
        return states;
    }

    private static void assertBallsOnTheCloth(TableState state) {
        double r = TABLE.ballRadiusMm();
        for (BallState ball : state.balls()) {
            assertTrue(ball.xMm() >= r - 1e-9 && ball.xMm() <= TABLE.lengthMm() - r + 1e-9
                    && ball.yMm() >= r - 1e-9 && ball.yMm() <= TABLE.widthMm() - r + 1e-9, "off the cloth: " + ball);
        }
    }
}

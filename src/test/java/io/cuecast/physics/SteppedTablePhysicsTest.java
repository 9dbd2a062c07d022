package io.cuecast.physics;

import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteppedTablePhysicsTest {
    private static final TableSpec TABLE = TableSpec.POOL_9FT;
    private static final double R = TABLE.ballRadiusMm();
    private static final double FRAME = 1.0 / 30;

    private final TablePhysics physics = new SteppedTablePhysics(TABLE, PhysicsSettings.DEFAULT);

    @Test
    void headOnCollisionPassesTheVelocityOn() {
        BallBody cue = ball(0, 1000, 635);
        BallBody object = ball(1, 1200, 635);
        cue.setVelocity(1500, 0);

        List<PhysicsEvent> events = run(List.of(cue, object), 0.2);

        assertTrue(events.stream().anyMatch(e -> e instanceof PhysicsEvent.BallCollision), "no collision");
        assertTrue(object.vx() > 1000, "object ball should take most of the speed: " + object);
        assertTrue(Math.abs(cue.vx()) < 100, "cue ball should nearly stop: " + cue);
        assertEquals(0, object.vy(), 1e-9);
    }

    @Test
    void ballBouncesOffACushionAndLosesSpeed() {
        BallBody ball = ball(1, 900, 300);
        ball.setVelocity(0, -1000);

        List<PhysicsEvent> events = run(List.of(ball), 0.35);

        PhysicsEvent.CushionContact contact = (PhysicsEvent.CushionContact) events.stream()
                .filter(e -> e instanceof PhysicsEvent.CushionContact).findFirst().orElseThrow();
        assertEquals(Cushion.TOP, contact.cushion());
        assertTrue(contact.speedIntoCushionMmPerS() > 850, contact.toString());
        assertTrue(ball.vy() > 0, "should come back down: " + ball);
        assertTrue(ball.vy() < 0.8 * 1000, "should lose speed in the bounce: " + ball);
        assertTrue(ball.y() >= R);
    }

    @Test
    void ballRolledStraightAtAPocketIsPocketed() {
        BallBody ball = ball(5, 400, 400);
        ball.setVelocity(-1000, -1000);

        List<PhysicsEvent> events = run(List.of(ball), 1.5);

        assertTrue(ball.isPocketed(), "not pocketed: " + ball);
        assertTrue(events.contains(new PhysicsEvent.BallPocketed(5, "top-left")), events.toString());
        assertFalse(ball.isMoving());
    }

    @Test
    void breakSpeedBallDoesNotTunnelThroughABall() {
        BallBody cue = ball(0, 600, 635);
        BallBody object = ball(1, 600 + 2 * R + 30, 635);
        cue.setVelocity(8000, 0);

        physics.step(List.of(cue, object), FRAME);

        assertTrue(cue.x() < object.x(), "cue ball passed through: " + cue + " / " + object);
        assertTrue(object.vx() > 6000, "object ball should have been hit: " + object);
    }

    @Test
    void breakSpeedBallDoesNotTunnelThroughACushion() {
        BallBody ball = ball(0, TABLE.lengthMm() / 2 + 400, TABLE.widthMm() - R - 5);
        ball.setVelocity(0, 8000);

        physics.step(List.of(ball), FRAME);

        assertTrue(ball.y() <= TABLE.widthMm() - R, "left the table: " + ball);
        assertTrue(ball.vy() < 0, "should have bounced: " + ball);
    }

    @Test
    void energyNeverIncreasesAndBallsNeverOverlapThroughABreak() {
        List<BallBody> balls = rackWithCueBall();
        balls.get(0).setVelocity(7000, 35);
        double energy = kineticEnergy(balls);

        for (int frame = 0; frame < 300; frame++) {
            physics.step(balls, FRAME);
            double now = kineticEnergy(balls);
            assertTrue(now <= energy + 1e-6, "energy went up at frame " + frame + ": " + energy + " -> " + now);
            energy = now;
            assertNoOverlaps(balls, frame);
        }
    }

    @Test
    void ballsSlowDownAtTheConfiguredRateAndStop() {
        BallBody ball = ball(1, 500, 635);
        ball.setVelocity(600, 0);

        physics.step(List.of(ball), 1.0);
        assertEquals(300, ball.vx(), 1e-6);
        assertEquals(500 + 450, ball.x(), 1e-6);

        physics.step(List.of(ball), 1.5);
        assertFalse(ball.isMoving());
    }

    @Test
    void rollingTurnsTheBallByDistanceOverRadius() {
        BallBody ball = ball(1, 500, 635);
        Orientation start = ball.orientation();
        ball.setVelocity(1000, 0);
        double x0 = ball.x();

        physics.step(List.of(ball), 0.1);

        double angle = (ball.x() - x0) / R;
        // Rolling to +x turns the top of the ball (the -z pole, facing the camera) towards +x.
        double[] m = ball.orientation().toMatrix();
        double[] topNow = {m[2] * -1, m[5] * -1, m[8] * -1};
        assertEquals(Orientation.IDENTITY, start);
        assertEquals(Math.sin(angle), topNow[0], 1e-9);
        assertEquals(-Math.cos(angle), topNow[2], 1e-9);
    }

    private List<PhysicsEvent> run(List<BallBody> balls, double seconds) {
        List<PhysicsEvent> events = new ArrayList<>();
        for (double t = 0; t < seconds; t += FRAME) {
            events.addAll(physics.step(balls, FRAME));
        }
        return events;
    }

    private static BallBody ball(int number, double x, double y) {
        return new BallBody(number, x, y, Orientation.IDENTITY);
    }

    private static List<BallBody> rackWithCueBall() {
        Random random = new Random(7);
        List<BallBody> balls = new ArrayList<>();
        balls.add(new BallBody(0, 635, 635, Orientation.random(random)));
        int number = 1;
        double spacing = 2 * R + 0.2;
        for (int row = 0; row < 5; row++) {
            for (int i = 0; i <= row; i++) {
                double x = 1905 + row * spacing * Math.sqrt(3) / 2;
                double y = 635 + (i - row / 2.0) * spacing;
                balls.add(new BallBody(number++, x, y, Orientation.random(random)));
            }
        }
        return balls;
    }

    private static double kineticEnergy(List<BallBody> balls) {
        return balls.stream().mapToDouble(b -> b.vx() * b.vx() + b.vy() * b.vy()).sum();
    }

    private static void assertNoOverlaps(List<BallBody> balls, int frame) {
        for (int i = 0; i < balls.size(); i++) {
            for (int j = i + 1; j < balls.size(); j++) {
                BallBody a = balls.get(i);
                BallBody b = balls.get(j);
                if (a.isPocketed() || b.isPocketed()) {
                    continue;
                }
                double distance = Math.hypot(a.x() - b.x(), a.y() - b.y());
                assertTrue(distance >= 2 * R - 1e-3, "overlap at frame " + frame + ": " + a + " / " + b);
            }
        }
    }
}

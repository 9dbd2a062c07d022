package io.cuecast.physics;

import io.cuecast.camera.sim.RackLayout;
import io.cuecast.physics.ShotEvent.Motion;
import io.cuecast.physics.ShotOutcome.PathPoint;
import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event-based engine against physics that can be worked out by hand. */
class EventPhysicsTest {
    private static final TableSpec TABLE = TableSpec.POOL_9FT;
    private static final EventPhysicsSettings POOL = EventPhysicsSettings.POOL;
    private static final double R = POOL.ballRadiusMm();
    private static final double G = EventPhysicsSettings.GRAVITY_MM_S2;
    private static final double MID_Y = TABLE.widthMm() / 2;

    private final EventPhysics physics = new EventPhysics(TABLE, POOL);

    @Test
    void aStruckBallSlidesForTwoVOverSevenMuGThenRolls() {
        double v = 1500;
        ShotOutcome outcome = physics.simulate(List.of(BallState.atRest(0, 500, MID_Y)), new Shot(0, v, 0));

        ShotEvent.MotionChange rolls = motionChange(outcome, 0, Motion.SLIDING, Motion.ROLLING);
        double tau = 2 * v / (7 * POOL.slidingFriction() * G);
        assertEquals(tau, rolls.time(), 1e-9);
        assertEquals(500 + v * tau - 0.5 * POOL.slidingFriction() * G * tau * tau, rolls.x(), 1e-6);
        assertEquals(MID_Y, rolls.y(), 1e-9);
    }

    @Test
    void aRollingBallStopsAfterVSquaredOverTwoMuRollG() {
        double v = 400;
        ShotOutcome outcome = physics.simulate(List.of(rolling(0, 500, MID_Y, v, 0)));

        double distance = v * v / (2 * POOL.rollingResistance() * G);
        assertEquals(500 + distance, outcome.restingPositions().get(0).x(), 1e-6);
        ShotEvent.MotionChange stops = motionChange(outcome, 0, Motion.ROLLING, Motion.STOPPED);
        assertEquals(v / (POOL.rollingResistance() * G), stops.time(), 1e-9);
        assertTrue(outcome.complete());
    }

    @Test
    void aStunFullBallHitStopsTheCueBallAndSendsTheObjectBallOnAtTheRestitutionSpeed() {
        double v = 2000;
        double gap = 2;
        List<BallState> layout = List.of(BallState.atRest(0, 1000, MID_Y), BallState.atRest(1, 1000 + 2 * R + gap, MID_Y));
        ShotSimulation simulation = physics.start(List.of(
                new BallState(0, 1000, MID_Y, v, 0, 0, 0, 0), layout.get(1)));
        while (!(last(simulation.events()) instanceof ShotEvent.BallCollision)) {
            assertTrue(simulation.step(), "the balls never met");
        }

        double t = simulation.now();
        double impactSpeed = v - POOL.slidingFriction() * G * t;
        double e = POOL.ballRestitution();
        BallState cue = state(simulation, 0);
        BallState object = state(simulation, 1);
        assertEquals((1 - e) / 2 * impactSpeed, cue.vx(), 1e-6);
        assertEquals((1 + e) / 2 * impactSpeed, object.vx(), 1e-6);
        assertEquals(0, object.vy(), 1e-9);

        ShotOutcome outcome = physics.simulate(layout, new Shot(0, v, 0));
        double cueTravelAfterImpact = outcome.restingPositions().get(0).x() - cue.x();
        assertTrue(cueTravelAfterImpact >= 0 && cueTravelAfterImpact < 10,
                "a stun cue ball should stop at the object ball, but went on " + cueTravelAfterImpact + " mm");
        ShotEvent.CushionCollision objectMeets = outcome.events().stream()
                .filter(ev -> ev instanceof ShotEvent.CushionCollision c && c.ball() == 1)
                .map(ShotEvent.CushionCollision.class::cast).findFirst().orElseThrow();
        assertEquals("right", objectMeets.cushion(), "the object ball should run straight on");
        assertEquals(MID_Y, objectMeets.y(), 1e-6);
    }

    @Test
    void aStunCutShotSeparatesTheBallsAtNinetyDegrees() {
        // Elastic, smooth balls: the cue ball keeps only the part of its velocity across the line of
        // centres, the object ball takes the part along it.
        EventPhysics elastic = new EventPhysics(TABLE, pool(1, 0, POOL.cushionFriction()));
        ShotSimulation simulation = elastic.start(List.of(new BallState(0, 1000, MID_Y, 2000, 0, 0, 0, 0),
                BallState.atRest(1, 1000 + 2 * R + 1, MID_Y - 0.6 * R)));
        while (!(last(simulation.events()) instanceof ShotEvent.BallCollision)) {
            assertTrue(simulation.step(), "the balls never met");
        }
        BallState cue = state(simulation, 0);
        BallState object = state(simulation, 1);
        double cosine = (cue.vx() * object.vx() + cue.vy() * object.vy())
                / (Math.hypot(cue.vx(), cue.vy()) * Math.hypot(object.vx(), object.vy()));
        assertEquals(90, Math.toDegrees(Math.acos(cosine)), 1e-6);
    }

    @Test
    void aRollingCueBallLeavesAHalfBallHitNearThirtyDegrees() {
        ShotOutcome smooth = halfBallHit(new EventPhysics(TABLE, pool(POOL.ballRestitution(), 0, POOL.cushionFriction())));
        // Hand: the cue keeps v - (1+e)/2 (v·n) n and its rolling spin, so it ends up rolling with
        // (5 v_after + 2 v) / 7: 32.3° for e = 0.95 (33.7° for e = 1), the "30° rule".
        double e = POOL.ballRestitution();
        double cut = Math.toRadians(30);
        double along = (1 + e) / 2 * Math.cos(cut);
        double afterX = 1 - along * Math.cos(cut);
        double afterY = -along * Math.sin(cut);
        double expected = Math.toDegrees(Math.atan2(-(5 * afterY), 5 * afterX + 2));
        assertEquals(expected, finalDeflectionDeg(smooth), 0.05);

        double withThrow = finalDeflectionDeg(halfBallHit(physics));
        assertTrue(withThrow > 27 && withThrow < 36, "deflection with ball friction: " + withThrow + "°");
    }

    @Test
    void aBallBouncesOffACushionWithRestitutionAndWithoutFrictionAtTheMirrorAngle() {
        EventPhysics frictionless = new EventPhysics(TABLE, pool(POOL.ballRestitution(), POOL.ballFriction(), 0));
        double[] after = velocityJustAfterCushion(frictionless, 600, -800);
        double[] before = impactVelocity;

        assertEquals(before[0], after[0], 1e-9, "no friction: the speed along the cushion is kept");
        assertEquals(-POOL.cushionRestitution() * before[1], after[1], 1e-9);
        double in = Math.toDegrees(Math.atan2(before[0], -before[1]));
        double out = Math.toDegrees(Math.atan2(after[0], after[1]));
        assertEquals(Math.toDegrees(Math.atan(Math.tan(Math.toRadians(in)) / POOL.cushionRestitution())), out, 1e-9);
    }

    @Test
    void cushionFrictionTakesAtMostWhatStopsTheSlip() {
        // μ(1+e)|vn| = 0.2 * 1.75 * ~800 exceeds 2/7 of the slip (600), so the slip stops: the
        // speed along the cushion becomes 5/7 of what it was, and the ball takes side spin.
        double[] after = velocityJustAfterCushion(physics, 600, -800);
        assertEquals(5.0 / 7 * impactVelocity[0], after[0], 1e-9);
        assertEquals(-POOL.cushionRestitution() * impactVelocity[1], after[1], 1e-9);
    }

    @Test
    void aBallAimedAtTheCentreOfAPocketsMouthDrops() {
        double c = POOL.cornerPocket().mouthMm() / Math.sqrt(2);
        // Along the pocket's axis, towards the middle of its mouth (c/2, c/2).
        ShotOutcome corner = physics.simulate(List.of(BallState.atRest(3, 400 + c / 2, 400 + c / 2)),
                Shot.atAngle(3, 1500, Math.toRadians(225)));
        assertEquals(List.of("top-left"), corner.pocketEntries().stream().map(ShotEvent.PocketEntry::pocket).toList());
        assertFalse(corner.restingPositions().containsKey(3));

        ShotOutcome side = physics.simulate(List.of(BallState.atRest(4, TABLE.lengthMm() / 2, 500)),
                new Shot(4, 0, 1500));
        assertEquals("bottom-side", side.pocketEntries().get(0).pocket());
    }

    @Test
    void aBallAimedAtAJawBouncesOffItAndStaysOnTheTable() {
        double tipX = TABLE.lengthMm() / 2 + POOL.sidePocket().mouthMm() / 2;
        // Straight at the top side pocket, its centre line just inside the right jaw's tip: the
        // ball's edge meets the tip before anything else.
        ShotOutcome jaw = physics.simulate(List.of(BallState.atRest(3, tipX - 0.3 * R, 500)), new Shot(3, 0, -1500));

        assertTrue(jaw.pocketEntries().isEmpty(), "dropped: " + jaw.events());
        ShotEvent.CushionCollision first = (ShotEvent.CushionCollision) jaw.collisions().get(0);
        assertEquals("top-side jaw", first.cushion());
        assertEquals(tipX, first.x(), 1e-9);
        assertTrue(jaw.restingPositions().containsKey(3));

        ShotOutcome clear = physics.simulate(List.of(BallState.atRest(3, tipX - 1.1 * R, 500)), new Shot(3, 0, -1500));
        assertEquals("top-side", clear.pocketEntries().get(0).pocket(), "a ball that clears the jaw drops");
    }

    @Test
    void energyNeverIncreasesAndNoBallLeavesTheTable() {
        Random random = new Random(7);
        for (int shot = 0; shot < 150; shot++) {
            List<BallState> balls = randomLayout(random, 1 + random.nextInt(16));
            BallState cue = balls.get(0);
            double speed = 200 + random.nextDouble() * 9000;
            double angle = random.nextDouble() * 2 * Math.PI;
            double spin = (random.nextDouble() - 0.5) * 2 * speed / R;
            balls.set(0, new BallState(cue.id(), cue.x(), cue.y(), speed * Math.cos(angle), speed * Math.sin(angle),
                    spin * random.nextGaussian(), spin * random.nextGaussian(), spin * random.nextGaussian()));

            ShotSimulation simulation = physics.start(balls);
            double energy = simulation.kineticEnergyJoules();
            int steps = 0;
            while (simulation.step()) {
                double now = simulation.kineticEnergyJoules();
                assertTrue(now <= energy * (1 + 1e-9) + 1e-12,
                        "shot " + shot + ": energy rose from " + energy + " to " + now + " at " + last(simulation.events()));
                energy = now;
                assertTrue(++steps < ShotSimulation.MAX_EVENTS, "shot " + shot + " never ended");
            }
            for (BallState ball : simulation.balls()) {
                assertTrue(onTableOrInAPocketMouth(ball), "shot " + shot + ": ball left the table: " + ball);
            }
        }
    }

    @Test
    void aBreakRunsThroughChainsOfCollisionsToRest() {
        List<BallState> rack = rackedBalls(new Random(3));
        ShotOutcome outcome = physics.simulate(rack, aimAtApex(rack, 9000));

        assertTrue(outcome.complete());
        long ballHits = outcome.events().stream().filter(ShotEvent.BallCollision.class::isInstance).count();
        assertTrue(ballHits > 20, "a break should set off many ball-ball collisions, had " + ballHits);
        assertEquals(16, outcome.paths().size());
        assertEquals(16, outcome.restingPositions().size() + outcome.pocketEntries().size());
        for (List<PathPoint> path : outcome.paths().values()) {
            for (int k = 1; k < path.size(); k++) {
                assertTrue(path.get(k).time() >= path.get(k - 1).time(), "path times must not go back");
            }
        }
    }

    @Test
    void aBreakScattersTheRackWithoutEventStorms() {
        for (int seed = 0; seed < 8; seed++) {
            List<BallState> rack = rackedBalls(new Random(seed));
            ShotSimulation simulation = physics.start(withShot(rack, aimAtApex(rack, 8000)));
            double energy = simulation.kineticEnergyJoules();
            while (simulation.step()) {
                assertTrue(simulation.kineticEnergyJoules() <= energy * (1 + 1e-9), "seed " + seed + ": energy rose");
                energy = simulation.kineticEnergyJoules();
                assertTrue(simulation.events().size() < 1000, "seed " + seed + ": event storm");
            }
            ShotOutcome outcome = simulation.outcome(true);
            long scattered = rack.stream().filter(b -> b.id() != 0).filter(b -> {
                PathPoint end = outcome.restingPositions().get(b.id());
                return end == null || Math.hypot(end.x() - b.x(), end.y() - b.y()) > 200;
            }).count();
            assertTrue(scattered >= 10, "seed " + seed + ": only " + scattered + " of 15 balls left their spot by 20 cm");
        }
    }

    @Test
    void twoSlowBallsPressedTogetherSettleInsteadOfMeetingOverAndOver() {
        // Two balls rolling slowly side by side, the upper one drifting into the lower: each slows
        // along its own line, so the cloth keeps pressing them together. Played one meeting at a
        // time they met 235 times in 0.17 s, each meeting shorter after the last.
        double dx = -2.7;
        ShotOutcome outcome = physics.simulate(List.of(
                new BallState(12, 1000, 600, 16, 4, 4 / R, -16 / R, 0),
                new BallState(13, 1000 + dx, 600 + Math.sqrt(4 * R * R - dx * dx) + 0.001, 5, 3.5, 3.5 / R, -5 / R, 0)));
        assertTrue(outcome.complete());
        assertEquals(1, outcome.collisions().size(), "events: " + outcome.events());
        assertEquals(1000, outcome.restingPositions().get(12).x(), 2, "a settled ball stops within a few mm of where it would have");
    }

    @Test
    void rejectsLayoutsThatCannotBePlayed() {
        assertEquals("balls 1 and 2 overlap", assertThrows(IllegalArgumentException.class, () -> physics.simulate(
                List.of(BallState.atRest(1, 500, 500), BallState.atRest(2, 520, 500)))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> physics.simulate(
                List.of(BallState.atRest(1, 10, 500)))).getMessage().contains("not on the 2540 x 1270 mm playing area"));
        assertEquals("ball 1 is on the table twice", assertThrows(IllegalArgumentException.class, () -> physics.simulate(
                List.of(BallState.atRest(1, 500, 500), BallState.atRest(1, 900, 500)))).getMessage());
        assertEquals("the shot strikes ball 0, which is not on the table", assertThrows(IllegalArgumentException.class,
                () -> physics.simulate(List.of(BallState.atRest(1, 500, 500)), new Shot(0, 100, 0))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Shot(0, Double.NaN, 0));
    }

    private double[] impactVelocity;

    /** Sends a sliding, spinless ball at the top cushion; returns its velocity just after it. */
    private double[] velocityJustAfterCushion(EventPhysics engine, double vx, double vy) {
        double gap = 0.5;
        ShotSimulation simulation = engine.start(List.of(new BallState(0, 1000, R + gap, vx, vy, 0, 0, 0)));
        assertTrue(simulation.step());
        assertEquals("top", ((ShotEvent.CushionCollision) last(simulation.events())).cushion());
        double speed = Math.hypot(vx, vy);
        double slowed = 1 - engine.settings().slidingFriction() * G * simulation.now() / speed;
        impactVelocity = new double[] {vx * slowed, vy * slowed};
        BallState after = state(simulation, 0);
        return new double[] {after.vx(), after.vy()};
    }

    /** A rolling cue ball at 600 mm/s hits an object ball half-ball (aimed at its edge): a 30° cut. */
    private static ShotOutcome halfBallHit(EventPhysics engine) {
        return engine.simulate(List.of(rolling(0, 800, MID_Y, 600, 0), BallState.atRest(1, 1000, MID_Y - R)));
    }

    /** The angle (degrees) between the cue ball's first and its final, rolling, direction. */
    private static double finalDeflectionDeg(ShotOutcome outcome) {
        List<PathPoint> path = outcome.paths().get(0);
        PathPoint rest = path.get(path.size() - 1);
        ShotEvent.MotionChange rolls = outcome.events().stream()
                .filter(e -> e instanceof ShotEvent.MotionChange m && m.ball() == 0 && m.to() == Motion.ROLLING
                        && m.time() > 0)
                .map(ShotEvent.MotionChange.class::cast).reduce((a, b) -> b).orElseThrow();
        return Math.toDegrees(Math.atan2(rest.y() - rolls.y(), rest.x() - rolls.x()));
    }

    private static ShotEvent.MotionChange motionChange(ShotOutcome outcome, int ball, Motion from, Motion to) {
        return outcome.events().stream()
                .filter(e -> e instanceof ShotEvent.MotionChange m && m.ball() == ball && m.from() == from && m.to() == to)
                .map(ShotEvent.MotionChange.class::cast).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + from + " -> " + to + " in " + outcome.events()));
    }

    private static BallState rolling(int id, double x, double y, double vx, double vy) {
        return new BallState(id, x, y, vx, vy, vy / R, -vx / R, 0);
    }

    private static BallState state(ShotSimulation simulation, int id) {
        return simulation.balls().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    private static ShotEvent last(List<ShotEvent> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** The simulator's 8-ball rack, as resting states. */
    private static List<BallState> withShot(List<BallState> layout, Shot shot) {
        return layout.stream().map(b -> b.id() == shot.ball()
                ? new BallState(b.id(), b.x(), b.y(), shot.vx(), shot.vy(), 0, 0, 0) : b).toList();
    }

    static List<BallState> rackedBalls(Random random) {
        return RackLayout.rack(TABLE, random).stream().map(b -> BallState.atRest(b.number(), b.x(), b.y())).toList();
    }

    /** A break: the cue ball (0) straight at the apex of the rack (the ball nearest the foot spot). */
    static Shot aimAtApex(List<BallState> rack, double speed) {
        BallState cue = rack.stream().filter(b -> b.id() == 0).findFirst().orElseThrow();
        BallState apex = rack.stream().filter(b -> b.id() != 0)
                .min((a, b) -> Double.compare(a.x(), b.x())).orElseThrow();
        return Shot.atAngle(0, speed, Math.atan2(apex.y() - cue.y(), apex.x() - cue.x()));
    }

    /** Inside the cushions, or in a pocket's jaws (where a ball may rest beyond the cushion lines). */
    private static boolean onTableOrInAPocketMouth(BallState ball) {
        double slack = 1e-3;
        boolean inside = ball.x() > R - slack && ball.x() < TABLE.lengthMm() - R + slack
                && ball.y() > R - slack && ball.y() < TABLE.widthMm() - R + slack;
        return inside || TABLE.pockets().stream().anyMatch(
                p -> Math.hypot(ball.x() - p.x(), ball.y() - p.y()) < POOL.cornerPocket().mouthMm());
    }

    private static List<BallState> randomLayout(Random random, int count) {
        List<BallState> balls = new ArrayList<>();
        while (balls.size() < count) {
            double x = R + random.nextDouble() * (TABLE.lengthMm() - 2 * R);
            double y = R + random.nextDouble() * (TABLE.widthMm() - 2 * R);
            if (balls.stream().allMatch(b -> Math.hypot(b.x() - x, b.y() - y) >= 2 * R)) {
                balls.add(BallState.atRest(balls.size(), x, y));
            }
        }
        return balls;
    }

    /** Pool's settings with other restitution and friction coefficients. */
    private static EventPhysicsSettings pool(double ballRestitution, double ballFriction, double cushionFriction) {
        EventPhysicsSettings p = POOL;
        return new EventPhysicsSettings(p.ballMassKg(), p.ballRadiusMm(), p.slidingFriction(), p.rollingResistance(),
                p.spinDecelerationRadPerS2(), ballRestitution, ballFriction, p.cushionRestitution(),
                cushionFriction, p.cornerPocket(), p.sidePocket());
    }
}

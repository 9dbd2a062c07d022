package io.cuecast.camera.sim;

import io.cuecast.physics.BallBody;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Chooses shots the way a casual player would: a hard break into the rack's apex, then a cut of an
 * object ball into a pocket with clear lines from the cue ball to the ghost ball and from the object
 * ball to the pocket, struck hard enough to get the object ball there with some to spare, with a
 * little aiming error. With no such shot it plays at a random object ball.
 *
 * <p>The speed comes from the physics' own constants: a stun-struck ball rolls on at 5/7 of its
 * speed, a rolling ball covers v² / (2 μr g), and a hit at cut angle θ passes (1 + e)/2 cos θ of the
 * cue ball's speed to the object ball.
 */
final class ShotPlanner {
    private static final double BREAK_MIN_MM_S = 7000;
    private static final double BREAK_MAX_MM_S = 9000;
    private static final double SHOT_MIN_MM_S = 600;
    private static final double SHOT_MAX_MM_S = 4000;
    /** How far past the pocket the object ball would still roll: a firm, not a dying, pace. */
    private static final double SPARE_MIN_MM = 300;
    private static final double SPARE_MAX_MM = 1500;
    private static final double MAX_CUT_RAD = Math.toRadians(60);
    private static final double AIM_ERROR_RAD = Math.toRadians(0.5);
    /** The share of its struck speed a ball keeps once sliding has turned into rolling. */
    private static final double ROLLING_SHARE = 5.0 / 7;

    private final TableSpec table;
    private final EventPhysicsSettings physics;
    private final Random random;

    ShotPlanner(TableSpec table, EventPhysicsSettings physics, Random random) {
        this.table = table;
        this.physics = physics;
        this.random = random;
    }

    /** A hard shot into the object ball nearest the foot spot (the apex of a fresh rack). */
    Shot breakShot(BallBody cueBall, List<BallBody> objectBalls) {
        double footX = table.lengthMm() * 3 / 4;
        double footY = table.widthMm() / 2;
        BallBody apex = objectBalls.get(0);
        for (BallBody ball : objectBalls) {
            if (Math.hypot(ball.x() - footX, ball.y() - footY) < Math.hypot(apex.x() - footX, apex.y() - footY)) {
                apex = ball;
            }
        }
        return new Shot(angleTo(cueBall, apex.x(), apex.y()) + aimError(),
                between(BREAK_MIN_MM_S, BREAK_MAX_MM_S));
    }

    /** A pot of a random object ball into a random pocket with clear lines, or a hit at a random ball. */
    Shot nextShot(BallBody cueBall, List<BallBody> objectBalls) {
        List<Pot> pots = new ArrayList<>();
        for (BallBody target : objectBalls) {
            for (TableSpec.Pocket pocket : table.pockets()) {
                pot(cueBall, target, pocket, objectBalls).ifPresent(pots::add);
            }
        }
        if (pots.isEmpty()) {
            return safety(cueBall, objectBalls);
        }
        Pot pot = pots.get(random.nextInt(pots.size()));
        double spare = between(SPARE_MIN_MM, SPARE_MAX_MM);
        double objectSpeed = rollingSpeedToCover(pot.objectRunMm() + spare) / ROLLING_SHARE;
        double impactSpeed = objectSpeed / ((1 + physics.ballRestitution()) / 2 * Math.cos(pot.cutRad()));
        double struck = Math.hypot(impactSpeed, rollingSpeedToCover(pot.cueRunMm())) / ROLLING_SHARE;
        return new Shot(pot.aimRad() + aimError(), Math.min(Math.max(struck, SHOT_MIN_MM_S), SHOT_MAX_MM_S));
    }

    /** A cut of {@code target} into {@code pocket}: its aim, cut angle and how far each ball runs. */
    private record Pot(double aimRad, double cutRad, double cueRunMm, double objectRunMm) {
    }

    private Optional<Pot> pot(BallBody cueBall, BallBody target, TableSpec.Pocket pocket,
                                        List<BallBody> objectBalls) {
        double diameter = table.ballDiameterMm();
        double toPocket = Math.atan2(pocket.y() - target.y(), pocket.x() - target.x());
        double ghostX = target.x() - Math.cos(toPocket) * diameter;
        double ghostY = target.y() - Math.sin(toPocket) * diameter;
        double aim = angleTo(cueBall, ghostX, ghostY);
        double cut = Math.abs(Math.IEEEremainder(aim - toPocket, 2 * Math.PI));
        double cueRun = Math.hypot(ghostX - cueBall.x(), ghostY - cueBall.y());
        if (cut >= MAX_CUT_RAD || cueRun <= diameter
                || blocked(cueBall.x(), cueBall.y(), ghostX, ghostY, objectBalls, target)
                || blocked(target.x(), target.y(), pocket.x(), pocket.y(), objectBalls, target)) {
            return Optional.empty();
        }
        return Optional.of(new Pot(aim, cut, cueRun, Math.hypot(pocket.x() - target.x(),
                pocket.y() - target.y())));
    }

    /** Straight at a random object ball, with a random thin or thick hit, at a medium pace. */
    private Shot safety(BallBody cueBall, List<BallBody> objectBalls) {
        BallBody target = objectBalls.get(random.nextInt(objectBalls.size()));
        double distance = Math.hypot(target.x() - cueBall.x(), target.y() - cueBall.y());
        double aim = angleTo(cueBall, target.x(), target.y())
                + (random.nextDouble() - 0.5) * 1.5 * table.ballDiameterMm() / distance;
        double struck = rollingSpeedToCover(distance + between(SPARE_MIN_MM, SPARE_MAX_MM)) / ROLLING_SHARE;
        return new Shot(aim + aimError(), Math.min(Math.max(struck, SHOT_MIN_MM_S), SHOT_MAX_MM_S));
    }

    /** Whether a ball rolled from (x1, y1) to (x2, y2) would touch any object ball but {@code moving}. */
    private boolean blocked(double x1, double y1, double x2, double y2, List<BallBody> balls, BallBody moving) {
        double length = Math.hypot(x2 - x1, y2 - y1);
        double ux = (x2 - x1) / length;
        double uy = (y2 - y1) / length;
        for (BallBody ball : balls) {
            if (ball == moving) {
                continue;
            }
            double along = (ball.x() - x1) * ux + (ball.y() - y1) * uy;
            double across = Math.abs(-(ball.x() - x1) * uy + (ball.y() - y1) * ux);
            if (along > 0 && along < length && across < table.ballDiameterMm()) {
                return true;
            }
        }
        return false;
    }

    /** The rolling speed with which a ball just covers {@code mm}: v² = 2 μr g d. */
    private double rollingSpeedToCover(double mm) {
        return Math.sqrt(2 * physics.rollingDecelerationMmPerS2() * mm);
    }

    private static double angleTo(BallBody from, double x, double y) {
        return Math.atan2(y - from.y(), x - from.x());
    }

    private double aimError() {
        return random.nextGaussian() * AIM_ERROR_RAD;
    }

    private double between(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }
}

package io.cuecast.camera.sim;

import io.cuecast.physics.BallBody;
import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses shots the way a casual player would: a hard break into the rack's apex, then shots at a
 * random object ball, cut towards a pocket when the cut is makeable, with a little aiming error.
 */
final class ShotPlanner {
    private static final double BREAK_MIN_MM_S = 5000;
    private static final double BREAK_MAX_MM_S = 7000;
    private static final double SHOT_MIN_MM_S = 1000;
    private static final double SHOT_MAX_MM_S = 3000;
    private static final double MAX_CUT_RAD = Math.toRadians(60);
    private static final double AIM_ERROR_RAD = Math.toRadians(0.7);

    private final TableSpec table;
    private final Random random;

    ShotPlanner(TableSpec table, Random random) {
        this.table = table;
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

    /**
     * A shot at a random object ball: aimed through the ghost-ball position that would send it into
     * a pocket it can be cut into, or straight at it with a random thin or thick hit otherwise.
     */
    Shot nextShot(BallBody cueBall, List<BallBody> objectBalls) {
        BallBody target = objectBalls.get(random.nextInt(objectBalls.size()));
        double diameter = table.ballDiameterMm();
        List<Double> makeable = new ArrayList<>();
        for (TableSpec.Pocket pocket : table.pockets()) {
            double toPocket = Math.atan2(pocket.y() - target.y(), pocket.x() - target.x());
            double ghostX = target.x() - Math.cos(toPocket) * diameter;
            double ghostY = target.y() - Math.sin(toPocket) * diameter;
            double aim = angleTo(cueBall, ghostX, ghostY);
            double cut = Math.abs(Math.IEEEremainder(aim - toPocket, 2 * Math.PI));
            if (cut < MAX_CUT_RAD && Math.hypot(ghostX - cueBall.x(), ghostY - cueBall.y()) > diameter) {
                makeable.add(aim);
            }
        }
        double aim;
        if (makeable.isEmpty()) {
            double distance = Math.hypot(target.x() - cueBall.x(), target.y() - cueBall.y());
            aim = angleTo(cueBall, target.x(), target.y()) + (random.nextDouble() - 0.5) * 1.5 * diameter / distance;
        } else {
            aim = makeable.get(random.nextInt(makeable.size()));
        }
        return new Shot(aim + aimError(), between(SHOT_MIN_MM_S, SHOT_MAX_MM_S));
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

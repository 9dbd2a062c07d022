package io.cuecast.camera.sim;

import io.cuecast.physics.BallBody;
import io.cuecast.physics.Orientation;
import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Where balls go when the table is set up: the 8-ball rack and the cue ball behind the head string. */
public final class RackLayout {
    /**
     * The gap between racked balls on the lattice, and how far each ball lies off it at most (in x
     * and in y): a real rack is never a perfect lattice. The physics takes an impact on balls this
     * close together at once, as on touching balls. The jitter keeps at least a hair's gap, so no
     * two balls start overlapping.
     */
    private static final double RACK_GAP_MM = 0.6;
    private static final double RACK_JITTER_MM = 0.2;
    /** Room kept round a placed cue ball. */
    private static final double CLEARANCE_MM = 5;
    private static final int PLACEMENT_TRIES = 1000;

    private RackLayout() {
    }

    /**
     * A fresh 8-ball rack: a triangle with its apex on the foot spot pointing at the head, the 8 in
     * the middle of the third row, a solid and a stripe in the back corners, the rest shuffled; and
     * the cue ball behind the head string. Every ball lies at a random orientation.
     */
    public static List<BallBody> rack(TableSpec table, Random random) {
        List<Integer> numbers = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15));
        Collections.shuffle(numbers, random);
        Integer solidCorner = firstOf(numbers, true);
        Integer stripeCorner = firstOf(numbers, false);
        numbers.remove(solidCorner);
        numbers.remove(stripeCorner);
        boolean solidOnTop = random.nextBoolean();

        double spacing = table.ballDiameterMm() + RACK_GAP_MM;
        double footX = table.lengthMm() * 3 / 4;
        double midY = table.widthMm() / 2;
        List<BallBody> balls = new ArrayList<>();
        for (int row = 0; row < 5; row++) {
            for (int i = 0; i <= row; i++) {
                int number;
                if (row == 2 && i == 1) {
                    number = 8;
                } else if (row == 4 && (i == 0 || i == 4)) {
                    number = (i == 0) == solidOnTop ? solidCorner : stripeCorner;
                } else {
                    number = numbers.remove(numbers.size() - 1);
                }
                balls.add(new BallBody(number, footX + row * spacing * Math.sqrt(3) / 2 + jitter(random),
                        midY + (i - row / 2.0) * spacing + jitter(random), Orientation.random(random)));
            }
        }
        double[] spot = cueBallSpot(table, random, balls);
        balls.add(new BallBody(0, spot[0], spot[1], Orientation.random(random)));
        balls.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return balls;
    }

    /** A random free spot for the cue ball behind the head string (the left quarter of the table). */
    static double[] cueBallSpot(TableSpec table, Random random, List<BallBody> balls) {
        double r = table.ballRadiusMm();
        for (int i = 0; i < PLACEMENT_TRIES; i++) {
            double x = table.lengthMm() / 8 + random.nextDouble() * (table.lengthMm() / 8 - r);
            double y = table.widthMm() / 4 + random.nextDouble() * table.widthMm() / 2;
            if (isFree(x, y, 2 * r + CLEARANCE_MM, balls)) {
                return new double[] {x, y};
            }
        }
        throw new IllegalStateException("no free spot for the cue ball behind the head string");
    }

    private static boolean isFree(double x, double y, double clearance, List<BallBody> balls) {
        for (BallBody ball : balls) {
            if (ball.number() != 0 && !ball.isPocketed() && Math.hypot(ball.x() - x, ball.y() - y) < clearance) {
                return false;
            }
        }
        return true;
    }

    private static double jitter(Random random) {
        return (2 * random.nextDouble() - 1) * RACK_JITTER_MM;
    }

    private static Integer firstOf(List<Integer> numbers, boolean solid) {
        return numbers.stream().filter(n -> (n < 8) == solid).findFirst().orElseThrow();
    }
}

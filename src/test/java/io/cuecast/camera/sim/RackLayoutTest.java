package io.cuecast.camera.sim;

import io.cuecast.physics.BallBody;
import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RackLayoutTest {
    private static final TableSpec TABLE = TableSpec.POOL_9FT;
    private static final double R = TABLE.ballRadiusMm();

    @Test
    void racksAStandardEightBallTriangle() {
        List<BallBody> balls = RackLayout.rack(TABLE, new Random(1));

        assertEquals(IntStream.rangeClosed(0, 15).boxed().toList(), balls.stream().map(BallBody::number).toList());
        double footX = TABLE.lengthMm() * 3 / 4;
        double midY = TABLE.widthMm() / 2;
        BallBody apex = balls.stream().filter(b -> b.number() != 0).min((a, b) -> Double.compare(a.x(), b.x())).orElseThrow();
        // Each ball lies up to 0.2 mm off the lattice, as in a real rack.
        assertEquals(footX, apex.x(), 0.2);
        assertEquals(midY, apex.y(), 0.2);
        BallBody eight = balls.get(8);
        assertEquals(midY, eight.y(), 0.2);
        assertEquals(footX + Math.sqrt(3) * (2 * R + 0.6), eight.x(), 0.2, "middle of the third row, 0.6 mm gaps");
        List<BallBody> backCorners = balls.stream().filter(b -> b.x() > footX + 6.5 * R).filter(b -> Math.abs(b.y() - midY) > 3.9 * R).toList();
        assertEquals(2, backCorners.size());
        assertNotEquals(backCorners.get(0).number() < 8, backCorners.get(1).number() < 8, "a solid and a stripe");
        BallBody cue = balls.get(0);
        assertTrue(cue.x() < TABLE.lengthMm() / 4, "cue ball behind the head string: " + cue);
        for (BallBody a : balls) {
            for (BallBody b : balls) {
                if (a != b) {
                    assertTrue(Math.hypot(a.x() - b.x(), a.y() - b.y()) >= 2 * R, a + " overlaps " + b);
                }
            }
        }
    }

    @Test
    void cueBallSpotStaysClearOfOtherBalls() {
        Random random = new Random(3);
        List<BallBody> balls = RackLayout.rack(TABLE, random);
        BallBody blocker = balls.get(1);
        blocker.placeAt(TABLE.lengthMm() * 3 / 16, TABLE.widthMm() / 2);
        for (int i = 0; i < 200; i++) {
            double[] spot = RackLayout.cueBallSpot(TABLE, random, balls);
            assertTrue(Math.hypot(spot[0] - blocker.x(), spot[1] - blocker.y()) > 2 * R);
            assertTrue(spot[0] < TABLE.lengthMm() / 4);
        }
    }
}

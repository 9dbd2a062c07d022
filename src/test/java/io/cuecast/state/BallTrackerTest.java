package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.table.BallType;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class BallTrackerTest {
    private final BallTracker tracker = new BallTracker(8000, 30, 2);

    private static BallDetection ball(double x, double y, BallType type, Integer number) {
        return new BallDetection(x, y, x, y, 12, type, number, 0.9);
    }

    private static Detection frame(long n, BallDetection... balls) {
        return new Detection(n, n * 33_333, null, List.of(balls), 1);
    }

    @Test
    void idsFollowBallsThatCrossPaths() {
        tracker.update(frame(0, ball(100, 500, BallType.SOLID, 3), ball(300, 500, BallType.STRIPE, 11)));
        TableState crossed = null;
        for (int n = 1; n <= 10; n++) {
            crossed = tracker.update(frame(n, ball(100 + 20 * n, 500, BallType.SOLID, 3),
                    ball(300 - 20 * n, 510, BallType.STRIPE, 11)));
        }
        TrackedBall solid = crossed.balls().stream().filter(b -> b.id() == 1).findFirst().orElseThrow();
        assertEquals(3, solid.number(), "track 1 stayed on the 3 through the crossing");
        assertEquals(300, solid.xMm(), 1e-9);
        assertEquals(600, solid.vxMmPerS(), 20, "20 mm per 33.3 ms frame is 600 mm/s");
    }

    @Test
    void aBallMissedForAFrameKeepsItsIdAndOneMissedTooLongIsDropped() {
        tracker.update(frame(0, ball(100, 100, BallType.CUE, 0)));
        TableState missed = tracker.update(frame(1));
        assertEquals(1, missed.balls().get(0).missedFrames());
        TableState back = tracker.update(frame(2, ball(101, 100, BallType.CUE, 0)));
        assertEquals(List.of(1), back.balls().stream().map(TrackedBall::id).toList());
        tracker.update(frame(3));
        tracker.update(frame(4));
        assertEquals(0, tracker.update(frame(5)).balls().size());
    }

    @Test
    void oneMisreadFrameDoesNotFlipTheType() {
        for (int n = 0; n < 5; n++) {
            tracker.update(frame(n, ball(100, 100, BallType.STRIPE, 12)));
        }
        TrackedBall ball = tracker.update(frame(5, ball(100, 100, BallType.SOLID, 4))).balls().get(0);
        assertEquals(BallType.STRIPE, ball.type());
        assertEquals(12, ball.number());
    }
}

package io.cuecast.physics.prediction;

import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.List;

/** Table states as the state stage makes them, for the prediction's tests. */
final class Fixtures {
    static final TableSpec TABLE = TableSpec.POOL_9FT;
    static final double R = TABLE.ballRadiusMm();

    private Fixtures() {
    }

    static TrackedBall ball(int id, double x, double y) {
        return new TrackedBall(id, id == 1 ? BallType.CUE : BallType.SOLID, null, x, y, 0, 0, 0, 0, 0, 0, false, false,
                0.95, 0, 0);
    }

    static TrackedBall moving(int id, double x, double y) {
        return new TrackedBall(id, BallType.SOLID, null, x, y, 0, 0, 300, 0, 0, 0, true, false, 0.95, 0, 0);
    }

    /** A stick whose tip is {@code gapMm} behind ball {@code target}'s surface, pointing along {@code angleDeg}. */
    static CueDetection cueBehind(TrackedBall target, double gapMm, double angleDeg, double confidence) {
        double a = Math.toRadians(angleDeg);
        double back = R + gapMm;
        return new CueDetection(0, 0, target.xMm() - Math.cos(a) * back, target.yMm() - Math.sin(a) * back, 0, 0,
                angleDeg, angleDeg, confidence);
    }

    static TableState state(long frame, List<TrackedBall> balls, CueDetection cue) {
        return new TableState(frame, 1_000_000L + frame * 33_333L, TABLE, true, balls, List.of(), List.of(), cue);
    }
}

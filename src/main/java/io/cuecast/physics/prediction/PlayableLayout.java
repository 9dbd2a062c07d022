package io.cuecast.physics.prediction;

import io.cuecast.physics.BallState;
import io.cuecast.state.TrackedBall;
import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Measured ball positions made playable for the physics: a ball measured a little into a cushion is
 * put back on the playing area, and balls measured a little into each other (a rack is packed tight,
 * and every measurement has noise) are pushed apart along their line of centres until they touch.
 */
final class PlayableLayout {
    /** Rounds of pushing apart: a tight rack settles in a few; what is left is under the engine's tolerance. */
    private static final int ROUNDS = 8;
    /** Pushed apart to this much more than touching, so that rounding leaves no overlap. */
    private static final double CLEARANCE_MM = 0.01;

    private PlayableLayout() {
    }

    static List<BallState> of(List<TrackedBall> balls, TableSpec table, double radiusMm) {
        int n = balls.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = balls.get(i).xMm();
            y[i] = balls.get(i).yMm();
        }
        double touching = 2 * radiusMm + CLEARANCE_MM;
        for (int round = 0; round < ROUNDS; round++) {
            boolean moved = false;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double dx = x[j] - x[i];
                    double dy = y[j] - y[i];
                    double distance = Math.hypot(dx, dy);
                    if (distance < touching) {
                        // Coincident centres (a tracking glitch) part along x.
                        double ux = distance > 0 ? dx / distance : 1;
                        double uy = distance > 0 ? dy / distance : 0;
                        double half = (touching - distance) / 2;
                        x[i] -= half * ux;
                        y[i] -= half * uy;
                        x[j] += half * ux;
                        y[j] += half * uy;
                        moved = true;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = Math.min(Math.max(x[i], radiusMm), table.lengthMm() - radiusMm);
                y[i] = Math.min(Math.max(y[i], radiusMm), table.widthMm() - radiusMm);
            }
            if (!moved) {
                break;
            }
        }
        List<BallState> layout = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            layout.add(BallState.atRest(balls.get(i).id(), x[i], y[i]));
        }
        return layout;
    }
}

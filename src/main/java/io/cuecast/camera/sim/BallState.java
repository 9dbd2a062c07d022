package io.cuecast.camera.sim;

import io.cuecast.physics.Orientation;
import io.cuecast.table.PoolBall;

/** A ball on the table at one instant: position (mm), velocity (mm/s) and orientation. */
public record BallState(PoolBall ball, double xMm, double yMm, double vxMmPerS, double vyMmPerS,
                        Orientation orientation) {
}

package io.cuecast.camera.sim;

import io.cuecast.table.BallType;

/**
 * Where a ball really was in a simulated frame. For tests only (see {@link GroundTruthFrame}).
 *
 * @param number          0 for the cue ball, 1-15
 * @param type            cue, eight, solid or stripe
 * @param xMm             centre, table millimetres
 * @param yMm             centre, table millimetres
 * @param xPx             centre, pixels (OpenCV convention: pixel (0, 0)'s centre is at (0, 0))
 * @param yPx             centre, pixels
 * @param vxMmPerS        velocity, table millimetres per second
 * @param vyMmPerS        velocity, table millimetres per second
 * @param visibleFraction share of the ball's disc the camera sees: 1 unless the cue stick covers part
 */
public record GroundTruthBall(int number, BallType type, double xMm, double yMm, double xPx, double yPx,
                              double vxMmPerS, double vyMmPerS, double visibleFraction) {
}

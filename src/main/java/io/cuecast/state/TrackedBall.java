package io.cuecast.state;

import io.cuecast.table.BallType;

/**
 * A ball as the state knows it: a stable id, its most-voted identity, where it is and how fast it
 * moves.
 *
 * @param id          stable for as long as the tracker follows the ball
 * @param number      the ball's number when known, else null
 * @param xMm         table millimetres (see {@link io.cuecast.table.TableSpec} for the axes)
 * @param vxMmPerS    velocity along x, mm/s
 * @param confidence  0..1
 * @param missedFrames frames since the ball was last seen (0 when seen in this frame)
 */
public record TrackedBall(int id, BallType type, Integer number, double xMm, double yMm, double px, double py,
                          double vxMmPerS, double vyMmPerS, double confidence, int missedFrames) {

    public double speedMmPerS() {
        return Math.hypot(vxMmPerS, vyMmPerS);
    }
}

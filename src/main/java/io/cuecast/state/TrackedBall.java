package io.cuecast.state;

import io.cuecast.table.BallType;

/**
 * A ball as the state knows it: a stable id, its most-voted identity, where it is and how it moves.
 *
 * @param id           stable for as long as the tracker follows the ball, and given back to a ball
 *                     of known number that returns to the table
 * @param number       the ball's number when known, else null
 * @param xMm          filtered position, table millimetres (see {@link io.cuecast.table.TableSpec} for the axes)
 * @param px           centre in image pixels where it was last seen
 * @param vxMmPerS     velocity along x, mm/s
 * @param axMmPerS2    acceleration along x, mm/s²
 * @param moving       moving or at rest, with hysteresis: it starts moving when a measurement leaves
 *                     its resting place by more than noise, and rests once slow for a few frames
 * @param kicked       its motion changed in this frame more than the motion model explains (a strike,
 *                     a collision, a cushion)
 * @param confidence   0..1
 * @param missedFrames frames since the ball was last seen (0 when seen in this frame)
 * @param atRestSinceUs when a resting ball came to rest, judged from its path (a ball is told slow
 *                     some frames after it became so), or was first seen at rest; epoch
 *                     microseconds, meaningless while it moves
 */
public record TrackedBall(int id, BallType type, Integer number, double xMm, double yMm, double px, double py,
                          double vxMmPerS, double vyMmPerS, double axMmPerS2, double ayMmPerS2,
                          boolean moving, boolean kicked, double confidence, int missedFrames,
                          long atRestSinceUs) {

    public double speedMmPerS() {
        return Math.hypot(vxMmPerS, vyMmPerS);
    }

    /** How far its centre is from the other's, mm. */
    public double distanceMm(TrackedBall other) {
        return Math.hypot(other.xMm - xMm, other.yMm - yMm);
    }
}

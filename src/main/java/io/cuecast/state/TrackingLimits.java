package io.cuecast.state;

/**
 * The tracker's tunable limits (keys {@code cuecast.state.*}, see README.md).
 *
 * @param maxSpeedMmPerS      the fastest a ball moves (a hard break is about 8 m/s): how far from its
 *                            prediction a detection may still be the same ball
 * @param maxMissedFrames     how many frames in a row an unseen ball goes on along its predicted path;
 *                            after that it is held where it was last seen
 * @param lostGraceSeconds    how long a ball that vanished without being pocketed stays in the state
 * @param measurementNoiseMm  the detector's position noise (one standard deviation)
 * @param restSpeedMmPerS     a moving ball slower than this for {@code restFrames} frames is at rest
 * @param restFrames          see {@code restSpeedMmPerS}
 */
public record TrackingLimits(double maxSpeedMmPerS, int maxMissedFrames, double lostGraceSeconds,
                             double measurementNoiseMm, double restSpeedMmPerS, int restFrames) {

    public TrackingLimits {
        if (!(maxSpeedMmPerS > 0 && maxMissedFrames >= 0 && lostGraceSeconds >= 0 && measurementNoiseMm > 0
                && restSpeedMmPerS > 0 && restFrames >= 1)) {
            throw new IllegalArgumentException("tracking limits out of range: " + this);
        }
    }
}

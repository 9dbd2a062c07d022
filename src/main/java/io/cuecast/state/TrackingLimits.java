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

    /** μr g on cloth, about 0.01 x 9.81 m/s²: how fast a rolling ball slows. */
    static final double ROLLING_DECELERATION_MM_S2 = 100;
    private static final long SEEN_STOPPED_US = 200_000;

    public TrackingLimits {
        if (!(maxSpeedMmPerS > 0 && maxMissedFrames >= 0 && lostGraceSeconds >= 0 && measurementNoiseMm > 0
                && restSpeedMmPerS > 0 && restFrames >= 1)) {
            throw new IllegalArgumentException("tracking limits out of range: " + this);
        }
    }

    /** How long a ball rolling at the rest speed goes on creeping before it stops. */
    long creepUs() {
        return (long) (restSpeedMmPerS / ROLLING_DECELERATION_MM_S2 * 1e6);
    }

    /** How far a ball rolling at the rest speed goes on creeping before it stops: v² / 2a. */
    double creepDistanceMm() {
        return restSpeedMmPerS * restSpeedMmPerS / (2 * ROLLING_DECELERATION_MM_S2);
    }

    /**
     * How long after a ball came to rest that time is known: it has crept to a stop and been seen
     * stopped for {@value #SEEN_STOPPED_US} µs, so that where it stopped is averaged over several
     * positions (see {@link RecentPath#cameToRestUs}).
     */
    long restKnownAfterUs() {
        return creepUs() + SEEN_STOPPED_US;
    }
}

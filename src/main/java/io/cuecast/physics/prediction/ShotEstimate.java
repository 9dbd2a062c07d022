package io.cuecast.physics.prediction;

/**
 * The shot the cue is about to play, with its uncertainty.
 *
 * @param aim           which ball, which way, how sure of the direction
 * @param speedMmPerS   the cue ball's speed as it leaves the tip
 * @param minSpeedMmPerS the slowest it may plausibly be
 * @param maxSpeedMmPerS the fastest
 * @param speedMeasured true when the speed comes from the cue's approach, false for the configured default
 */
public record ShotEstimate(CueAim aim, double speedMmPerS, double minSpeedMmPerS, double maxSpeedMmPerS,
                           boolean speedMeasured) {

    /** A measured stroke speed is taken as uncertain by this share either way (a few frames of a noisy tip). */
    static final double MEASURED_SPEED_UNCERTAINTY = 0.15;

    public ShotEstimate {
        if (!(speedMmPerS > 0 && minSpeedMmPerS > 0 && minSpeedMmPerS <= speedMmPerS && speedMmPerS <= maxSpeedMmPerS)
                || !Double.isFinite(maxSpeedMmPerS)) {
            throw new IllegalArgumentException("a shot needs 0 < min speed <= speed <= max speed, finite, was "
                    + minSpeedMmPerS + " <= " + speedMmPerS + " <= " + maxSpeedMmPerS + " mm/s");
        }
    }

    /** A shot at the configured default speed, anywhere within its spread. */
    public static ShotEstimate atDefaultSpeed(CueAim aim, PredictionSettings settings) {
        double speed = settings.defaultSpeedMmPerS();
        return new ShotEstimate(aim, speed, speed - settings.speedSpreadMmPerS(), speed + settings.speedSpreadMmPerS(),
                false);
    }

    /** A shot at the speed the cue's approach showed. */
    public static ShotEstimate atMeasuredSpeed(CueAim aim, double speedMmPerS) {
        return new ShotEstimate(aim, speedMmPerS, speedMmPerS * (1 - MEASURED_SPEED_UNCERTAINTY),
                speedMmPerS * (1 + MEASURED_SPEED_UNCERTAINTY), true);
    }
}

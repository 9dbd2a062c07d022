package io.cuecast.physics.prediction;

import java.util.Objects;

/**
 * The shot the cue is about to play, with its uncertainty.
 *
 * @param aim           which ball, which way, how sure of the direction
 * @param speedMmPerS   the cue ball's speed as it leaves the tip
 * @param minSpeedMmPerS the slowest it may plausibly be
 * @param maxSpeedMmPerS the fastest
 * @param speedSource   where the speed comes from
 */
public record ShotEstimate(CueAim aim, double speedMmPerS, double minSpeedMmPerS, double maxSpeedMmPerS,
                           SpeedSource speedSource) {

    /** Where a shot's speed comes from, with its name on the wire. */
    public enum SpeedSource {
        /** Measured from the cue's approach. */
        CUE("cue"),
        /**
         * The stroke was seen beginning, in one frame: at least that fast, and likely faster, since
         * it reached the ball before a second frame showed it.
         */
        STROKE_BEGUN("stroke_begun"),
        /** The configured break speed: a rack stands on the table, and a break's stroke is too fast to see. */
        BREAK("break"),
        /** The configured default speed. */
        DEFAULT("default");

        private final String wireName;

        SpeedSource(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A measured stroke speed is taken as uncertain by this share either way (a few frames of a noisy tip). */
    static final double MEASURED_SPEED_UNCERTAINTY = 0.15;

    public ShotEstimate {
        Objects.requireNonNull(speedSource, "speed source");
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
                SpeedSource.DEFAULT);
    }

    /** A break at the configured break speed, anywhere within its spread. */
    public static ShotEstimate atBreakSpeed(CueAim aim, PredictionSettings settings) {
        double speed = settings.breakSpeedMmPerS();
        return new ShotEstimate(aim, speed, speed - settings.breakSpeedSpreadMmPerS(),
                speed + settings.breakSpeedSpreadMmPerS(), SpeedSource.BREAK);
    }

    /** A shot at the speed the cue's approach showed. */
    public static ShotEstimate atMeasuredSpeed(CueAim aim, double speedMmPerS) {
        return new ShotEstimate(aim, speedMmPerS, speedMmPerS * (1 - MEASURED_SPEED_UNCERTAINTY),
                speedMmPerS * (1 + MEASURED_SPEED_UNCERTAINTY), SpeedSource.CUE);
    }

    /**
     * A stroke seen beginning at {@code atLeastMmPerS}, over one frame: at the default speed unless
     * that is slower, anywhere from the measured speed up to the break speed.
     */
    public static ShotEstimate atStrokeBegun(CueAim aim, double atLeastMmPerS, PredictionSettings settings) {
        double speed = Math.max(atLeastMmPerS, settings.defaultSpeedMmPerS());
        return new ShotEstimate(aim, speed, atLeastMmPerS, Math.max(speed, settings.breakSpeedMmPerS()),
                SpeedSource.STROKE_BEGUN);
    }

    /** True when the speed comes from the cue's approach. */
    public boolean speedMeasured() {
        return speedSource == SpeedSource.CUE;
    }
}

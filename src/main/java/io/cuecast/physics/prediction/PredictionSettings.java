package io.cuecast.physics.prediction;

import io.cuecast.config.Settings;

/**
 * The {@code cuecast.prediction.*} keys: how a shot is guessed from the cue, how sure of it we are,
 * and when a prediction is worth making again.
 *
 * @param defaultSpeedMmPerS  the cue ball's speed when the cue's approach does not tell it
 * @param speedSpreadMmPerS   that default is uncertain by this much either way (the range sampled for confidence)
 * @param breakSpeedMmPerS    the cue ball's speed when a rack stands on the table: a break's stroke crosses
 *                            the gap to the ball within a frame, so its approach cannot be measured
 * @param breakSpeedSpreadMmPerS that break speed is uncertain by this much either way
 * @param aimNoiseDeg         one standard deviation of the cue's measured direction at detection confidence 1;
 *                            a less confident detection is trusted less in proportion
 * @param minAimChangeDeg     a new prediction is made when the aim turns by more than this
 * @param minSpeedChangeMmPerS ... or the estimated speed changes by more than this
 * @param minBallMoveMm       ... or a ball moves by more than this (or one comes or goes)
 * @param confidenceSamples   shots sampled within the aim's and speed's uncertainty to compute the confidence
 */
public record PredictionSettings(double defaultSpeedMmPerS, double speedSpreadMmPerS, double breakSpeedMmPerS,
                                 double breakSpeedSpreadMmPerS, double aimNoiseDeg,
                                 double minAimChangeDeg, double minSpeedChangeMmPerS, double minBallMoveMm,
                                 int confidenceSamples) {

    public static final PredictionSettings DEFAULTS = new PredictionSettings(2000, 1000, 8000, 1500, 0.5, 0.5, 200, 5, 24);

    public PredictionSettings {
        require("default speed (mm/s)", defaultSpeedMmPerS, 10, 20_000);
        require("speed spread (mm/s)", speedSpreadMmPerS, 0, defaultSpeedMmPerS - 10);
        require("break speed (mm/s)", breakSpeedMmPerS, 10, 20_000);
        require("break speed spread (mm/s)", breakSpeedSpreadMmPerS, 0, breakSpeedMmPerS - 10);
        require("aim noise (deg)", aimNoiseDeg, 0, 20);
        require("smallest aim change (deg)", minAimChangeDeg, 0, 45);
        require("smallest speed change (mm/s)", minSpeedChangeMmPerS, 0, 20_000);
        require("smallest ball move (mm)", minBallMoveMm, 0, 1000);
        require("confidence samples", confidenceSamples, 1, 1000);
    }

    /** The keys, each checked; a bad value is a ConfigException naming it. */
    public static PredictionSettings fromSettings(Settings settings) {
        String p = "cuecast.prediction.";
        double speed = settings.decimal(p + "default-speed-mm-s", DEFAULTS.defaultSpeedMmPerS, 10, 20_000);
        double breakSpeed = settings.decimal(p + "break-speed-mm-s", DEFAULTS.breakSpeedMmPerS, 10, 20_000);
        return new PredictionSettings(speed,
                settings.decimal(p + "speed-spread-mm-s", Math.min(DEFAULTS.speedSpreadMmPerS, speed - 10), 0, speed - 10),
                breakSpeed,
                settings.decimal(p + "break-speed-spread-mm-s", Math.min(DEFAULTS.breakSpeedSpreadMmPerS, breakSpeed - 10), 0,
                        breakSpeed - 10),
                settings.decimal(p + "aim-noise-deg", DEFAULTS.aimNoiseDeg, 0, 20),
                settings.decimal(p + "min-aim-change-deg", DEFAULTS.minAimChangeDeg, 0, 45),
                settings.decimal(p + "min-speed-change-mm-s", DEFAULTS.minSpeedChangeMmPerS, 0, 20_000),
                settings.decimal(p + "min-ball-move-mm", DEFAULTS.minBallMoveMm, 0, 1000),
                settings.integer(p + "confidence-samples", DEFAULTS.confidenceSamples, 1, 1000));
    }

    private static void require(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}

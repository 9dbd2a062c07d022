package io.cuecast.camera.sim;

import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.table.Rgb;
import io.cuecast.table.TableSpec;

import java.util.Objects;

/**
 * How the simulated camera looks and plays.
 *
 * @param width              frame width in pixels
 * @param height             frame height in pixels
 * @param fps                frames per second; also the simulation's time step (1 / fps per frame)
 * @param seed               drives every random choice, so the same seed gives the same frames
 * @param table              the table played on
 * @param noiseSigma         standard deviation of the sensor noise, in 8-bit levels (0 = none)
 * @param clothColour        the cloth's colour under full light
 * @param groundTruthHistory how many recent frames' ground truth the camera keeps for tests
 * @param physics            what the balls obey (the {@code cuecast.physics.*} config), or null for the
 *                           table size's defaults
 */
public record SimulatorSettings(int width, int height, double fps, long seed, TableSpec table,
                                double noiseSigma, Rgb clothColour, int groundTruthHistory,
                                EventPhysicsSettings physics) {

    /** Tournament blue cloth. */
    public static final Rgb TOURNAMENT_BLUE = new Rgb(30, 95, 155);

    public SimulatorSettings {
        Objects.requireNonNull(table, "simulator table must be set");
        Objects.requireNonNull(clothColour, "simulator cloth colour must be set");
        requireBetween("width", width, 320, 7680, "pixels");
        requireBetween("height", height, 180, 4320, "pixels");
        requireBetween("fps", fps, 1, 240, "frames per second");
        requireBetween("noise sigma", noiseSigma, 0, 50, "levels");
        requireBetween("ground-truth history", groundTruthHistory, 1, 100_000, "frames");
    }

    /** 1280x720 at 30 fps, seed 42, a 9-foot pool table in tournament blue, noise sigma 3. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(1280, 720, 30, 42, TableSpec.POOL_9FT, 3, TOURNAMENT_BLUE, 900, null);
    }

    public SimulatorSettings withSize(int width, int height) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    public SimulatorSettings withFps(double fps) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    public SimulatorSettings withSeed(long seed) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    public SimulatorSettings withTable(TableSpec table) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    public SimulatorSettings withNoiseSigma(double noiseSigma) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    public SimulatorSettings withClothColour(Rgb clothColour) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    public SimulatorSettings withGroundTruthHistory(int frames) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, frames, physics);
    }

    /** The same table and camera with balls that obey {@code physics}: the prediction's, so there is one physics. */
    public SimulatorSettings withPhysics(EventPhysicsSettings physics) {
        return new SimulatorSettings(width, height, fps, seed, table, noiseSigma, clothColour, groundTruthHistory, physics);
    }

    /** The physics set, or the table size's defaults. */
    @Override
    public EventPhysicsSettings physics() {
        return physics != null ? physics : EventPhysicsSettings.defaultsFor(table);
    }

    private static void requireBetween(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(String.format("simulator %s must be between %s and %s %s, was %s",
                    name, plain(min), plain(max), unit, plain(value)));
        }
    }

    /** 30.0 as "30", 29.97 as "29.97". */
    static String plain(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

package io.cuecast.physics;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.table.TableSpec;

/**
 * The constants of the event-based ball model ({@link EventPhysics}). Where each default comes from
 * is in docs/PHYSICS.md; the config keys ({@code cuecast.physics.*}) are read by {@link #fromSettings}.
 *
 * @param ballMassKg               one ball's mass; all balls weigh the same
 * @param ballRadiusMm             one ball's radius
 * @param slidingFriction          ball–cloth coefficient of sliding friction, μs
 * @param rollingResistance        ball–cloth coefficient of rolling resistance, μr
 * @param spinDecelerationRadPerS2 how fast spin about the vertical axis dies away on the cloth
 * @param ballRestitution          ball–ball coefficient of restitution
 * @param ballFriction             ball–ball coefficient of friction (throw); 0 for smooth balls
 * @param cushionRestitution       ball–cushion coefficient of restitution
 * @param cushionFriction          ball–cushion coefficient of friction
 * @param cornerPocket             the four corner pockets
 * @param sidePocket               the two side (middle) pockets
 */
public record EventPhysicsSettings(double ballMassKg, double ballRadiusMm, double slidingFriction,
                                   double rollingResistance, double spinDecelerationRadPerS2,
                                   double ballRestitution, double ballFriction, double cushionRestitution,
                                   double cushionFriction, PocketShape cornerPocket, PocketShape sidePocket) {

    /** Standard pool on a 9-ft table (WPA specifications, Alciatore's typical measured values). */
    public static final EventPhysicsSettings POOL = new EventPhysicsSettings(0.170, TableSpec.POOL_9FT.ballRadiusMm(),
            0.2, 0.01, 10, 0.95, 0.06, 0.75, 0.2,
            new PocketShape(TableSpec.POOL_9FT.cornerPocketMouthMm(), 142, 41),
            new PocketShape(TableSpec.POOL_9FT.sidePocketMouthMm(), 104, 5));

    /** Snooker on a 12-ft table (WPBSA ball and pocket sizes; the rounded jaws as straight facings). */
    public static final EventPhysicsSettings SNOOKER = new EventPhysicsSettings(0.142,
            TableSpec.SNOOKER_12FT.ballRadiusMm(), 0.2, 0.01, 10, 0.95, 0.06, 0.75, 0.2,
            new PocketShape(TableSpec.SNOOKER_12FT.cornerPocketMouthMm(), 135, 20),
            new PocketShape(TableSpec.SNOOKER_12FT.sidePocketMouthMm(), 90, 10));

    public EventPhysicsSettings {
        requireBetween("ball mass (kg)", ballMassKg, 0.01, 1);
        requireBetween("ball radius (mm)", ballRadiusMm, 10, 100);
        requireBetween("sliding friction", slidingFriction, 0.01, 1);
        requireBetween("rolling resistance", rollingResistance, 0.0001, 0.2);
        requireBetween("spin deceleration (rad/s²)", spinDecelerationRadPerS2, 0.1, 1000);
        requireBetween("ball restitution", ballRestitution, 0, 1);
        requireBetween("ball friction", ballFriction, 0, 1);
        requireBetween("cushion restitution", cushionRestitution, 0, 1);
        requireBetween("cushion friction", cushionFriction, 0, 1);
        requirePassable("corner", cornerPocket, 135, ballRadiusMm);
        requirePassable("side", sidePocket, 90, ballRadiusMm);
    }

    /** The defaults for a table size: snooker's for the snooker table, pool's otherwise. */
    public static EventPhysicsSettings defaultsFor(TableSpec table) {
        return table.isSnooker() ? SNOOKER : POOL;
    }

    /**
     * The settings under {@code cuecast.physics.*}, each falling back to the default for the table
     * size. A value out of range, or pockets a ball cannot pass, is a {@link ConfigException}.
     */
    public static EventPhysicsSettings fromSettings(Settings settings, TableSpec table) {
        EventPhysicsSettings d = defaultsFor(table);
        String p = "cuecast.physics.";
        double ballDiameter = settings.decimal(p + "ball-diameter-mm", 2 * d.ballRadiusMm, 20, 200);
        try {
            return new EventPhysicsSettings(
                    settings.decimal(p + "ball-mass-kg", d.ballMassKg, 0.01, 1),
                    ballDiameter / 2,
                    settings.decimal(p + "sliding-friction", d.slidingFriction, 0.01, 1),
                    settings.decimal(p + "rolling-resistance", d.rollingResistance, 0.0001, 0.2),
                    settings.decimal(p + "spin-deceleration-rad-s2", d.spinDecelerationRadPerS2, 0.1, 1000),
                    settings.decimal(p + "ball-restitution", d.ballRestitution, 0, 1),
                    settings.decimal(p + "ball-friction", d.ballFriction, 0, 1),
                    settings.decimal(p + "cushion-restitution", d.cushionRestitution, 0, 1),
                    settings.decimal(p + "cushion-friction", d.cushionFriction, 0, 1),
                    pocket(settings, p + "corner-pocket.", d.cornerPocket),
                    pocket(settings, p + "side-pocket.", d.sidePocket));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config keys 'cuecast.physics.*' do not fit together: " + e.getMessage(), e);
        }
    }

    private static PocketShape pocket(Settings settings, String prefix, PocketShape fallback) {
        return new PocketShape(settings.decimal(prefix + "mouth-mm", fallback.mouthMm(), 1, 1000),
                settings.decimal(prefix + "jaw-angle-deg", fallback.jawAngleDeg(), 1, 179),
                settings.decimal(prefix + "shelf-mm", fallback.shelfMm(), 0, 500));
    }

    /** The acceleration of gravity in mm/s². */
    static final double GRAVITY_MM_S2 = 9806.65;

    /** How fast a sliding ball slows down, μs g, in mm/s². */
    public double slidingDecelerationMmPerS2() {
        return slidingFriction * GRAVITY_MM_S2;
    }

    /** How fast a rolling ball slows down, μr g, in mm/s²: it stops v² / (2 μr g) further on. */
    public double rollingDecelerationMmPerS2() {
        return rollingResistance * GRAVITY_MM_S2;
    }

    /**
     * How much the facings of a pocket close in towards its axis per unit of depth: 0 for parallel
     * facings. {@code parallelAngleDeg} is the jaw angle that makes them parallel.
     */
    static double convergence(PocketShape pocket, double parallelAngleDeg) {
        return Math.tan(Math.toRadians(pocket.jawAngleDeg() - parallelAngleDeg));
    }

    private static void requirePassable(String kind, PocketShape pocket, double parallelAngleDeg, double radius) {
        double throatHalfWidth = pocket.mouthMm() / 2 - pocket.shelfMm() * convergence(pocket, parallelAngleDeg);
        if (!(throatHalfWidth > radius)) {
            throw new IllegalArgumentException("the " + kind + " pocket lets no ball through: at the shelf ("
                    + pocket.shelfMm() + " mm behind a " + pocket.mouthMm() + " mm mouth, jaw angle "
                    + pocket.jawAngleDeg() + "°) it is narrower than a ball of radius " + radius + " mm");
        }
    }

    static void requireBetween(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}

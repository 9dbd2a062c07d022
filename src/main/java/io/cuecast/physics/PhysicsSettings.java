package io.cuecast.physics;

/**
 * The constants of the simple ball model.
 *
 * @param decelerationMmPerS2   how fast a free ball slows down. A real ball first slides (strong
 *                              friction) and then rolls (weak friction); one constant rate is a
 *                              deliberate simplification that merges both
 * @param stopSpeedMmPerS       below this speed a ball stops
 * @param ballRestitution       share of the closing speed two balls separate with (1 = elastic)
 * @param cushionRestitution    share of the speed into a cushion a ball comes back with
 * @param cushionTangentialLoss share of the speed along a cushion a ball loses as it bounces
 */
public record PhysicsSettings(double decelerationMmPerS2, double stopSpeedMmPerS, double ballRestitution,
                              double cushionRestitution, double cushionTangentialLoss) {

    public static final PhysicsSettings DEFAULT = new PhysicsSettings(300, 5, 0.95, 0.75, 0.05);

    public PhysicsSettings {
        EventPhysicsSettings.requireBetween("decelerationMmPerS2", decelerationMmPerS2, 0, 10_000);
        EventPhysicsSettings.requireBetween("stopSpeedMmPerS", stopSpeedMmPerS, 0, 1_000);
        EventPhysicsSettings.requireBetween("ballRestitution", ballRestitution, 0, 1);
        EventPhysicsSettings.requireBetween("cushionRestitution", cushionRestitution, 0, 1);
        EventPhysicsSettings.requireBetween("cushionTangentialLoss", cushionTangentialLoss, 0, 1);
    }
}

package io.cuecast.physics;

/** A cue strike: the velocity (mm/s) the cue gives ball {@code ball}, with no spin (a stun shot). */
public record Shot(int ball, double vx, double vy) {

    public Shot {
        if (!(Double.isFinite(vx) && Double.isFinite(vy))) {
            throw new IllegalArgumentException("a shot needs a finite velocity, was (" + vx + ", " + vy + ")");
        }
    }

    /** A shot at {@code speedMmPerS} in the direction {@code angleRad} (0 = +x, table frame). */
    public static Shot atAngle(int ball, double speedMmPerS, double angleRad) {
        return new Shot(ball, speedMmPerS * Math.cos(angleRad), speedMmPerS * Math.sin(angleRad));
    }
}

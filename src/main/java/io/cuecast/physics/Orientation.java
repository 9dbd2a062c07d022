package io.cuecast.physics;

import java.util.Random;

/**
 * A ball's 3D orientation: the unit quaternion that turns vectors of the ball's own body frame into
 * the table frame.
 *
 * <p>The table frame is x to the right and y down, as in {@link io.cuecast.table.TableSpec}, and
 * z = x × y, which points down into the slate, away from an overhead camera.
 */
public record Orientation(double w, double x, double y, double z) {

    public static final Orientation IDENTITY = new Orientation(1, 0, 0, 0);

    /** Normalises, so that rounding accumulated over many small rotations cannot skew the ball. */
    public Orientation {
        double norm = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!(norm > 0)) {
            throw new IllegalArgumentException("an orientation needs a non-zero quaternion");
        }
        w /= norm;
        x /= norm;
        y /= norm;
        z /= norm;
    }

    /** A uniformly distributed random orientation (Shoemake's method), as balls lie after racking. */
    public static Orientation random(Random random) {
        double u1 = random.nextDouble();
        double u2 = 2 * Math.PI * random.nextDouble();
        double u3 = 2 * Math.PI * random.nextDouble();
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        return new Orientation(a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3));
    }

    /**
     * This orientation followed by a rotation of {@code angleRad} about the table-frame axis
     * (ax, ay, az), which must be a unit vector.
     */
    public Orientation rotatedBy(double ax, double ay, double az, double angleRad) {
        double half = angleRad / 2;
        double s = Math.sin(half);
        double rw = Math.cos(half);
        double rx = ax * s;
        double ry = ay * s;
        double rz = az * s;
        return new Orientation(
                rw * w - rx * x - ry * y - rz * z,
                rw * x + rx * w + ry * z - rz * y,
                rw * y - rx * z + ry * w + rz * x,
                rw * z + rx * y - ry * x + rz * w);
    }

    /**
     * The rotation matrix, row-major, that maps body-frame vectors to the table frame. Its transpose
     * maps table-frame vectors (e.g. a surface normal the camera sees) back into the body frame.
     */
    public double[] toMatrix() {
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)
        };
    }
}

package io.cuecast.physics;

/**
 * The geometry of one kind of pocket (corner or side), as the equipment specifications measure it.
 *
 * @param mouthMm     the mouth: the distance between the two jaw tips, where the cushion noses end
 * @param jawAngleDeg the angle between a cushion's nose line and the jaw's facing, measured on the
 *                    playing side (WPA: 142° for corners, 104° for sides). 135° (corner) or 90° (side)
 *                    makes the facings parallel; more makes the throat narrower than the mouth
 * @param shelfMm     how far behind the mouth line the slate ends: a ball drops when its centre
 *                    passes this line between the facings
 */
public record PocketShape(double mouthMm, double jawAngleDeg, double shelfMm) {

    public PocketShape {
        if (!(mouthMm > 0 && shelfMm >= 0 && jawAngleDeg > 0 && jawAngleDeg < 180)) {
            throw new IllegalArgumentException("a pocket needs a mouth > 0, a shelf >= 0 and a jaw angle"
                    + " between 0 and 180 degrees, was mouth " + mouthMm + " mm, jaw " + jawAngleDeg
                    + "°, shelf " + shelfMm + " mm");
        }
    }
}

package io.cuecast.camera.sim;

/**
 * The cue stick as seen from above: a straight, tapered stick lying along the shot line with its
 * tip at (tipXMm, tipYMm), pointing in direction {@code angleRad} (from butt to tip, in table
 * coordinates, so with y down a positive angle turns clockwise on screen).
 */
public record CueStick(double tipXMm, double tipYMm, double angleRad) {

    public static final double LENGTH_MM = 1470;
    public static final double TIP_WIDTH_MM = 13;
    public static final double BUTT_WIDTH_MM = 29;

    /** Samples per side of the grid {@link #coveredShareOfDisc} checks. */
    private static final int DISC_SAMPLES = 15;

    public double directionX() {
        return Math.cos(angleRad);
    }

    public double directionY() {
        return Math.sin(angleRad);
    }

    /** Table x of the point on the stick's axis {@code fromTipMm} behind the tip. */
    public double axisX(double fromTipMm) {
        return tipXMm - directionX() * fromTipMm;
    }

    /** Table y of the point on the stick's axis {@code fromTipMm} behind the tip. */
    public double axisY(double fromTipMm) {
        return tipYMm - directionY() * fromTipMm;
    }

    /** Half the stick's width {@code fromTipMm} behind the tip: the taper is linear. */
    public double halfWidthAt(double fromTipMm) {
        double t = Math.min(Math.max(fromTipMm / LENGTH_MM, 0), 1);
        return (TIP_WIDTH_MM + (BUTT_WIDTH_MM - TIP_WIDTH_MM) * t) / 2;
    }

    /** Whether the stick, seen from above, hides the table point (x, y). */
    public boolean covers(double xMm, double yMm) {
        double dx = tipXMm - xMm;
        double dy = tipYMm - yMm;
        double fromTip = dx * directionX() + dy * directionY();
        if (fromTip < 0 || fromTip > LENGTH_MM) {
            return false;
        }
        double across = Math.abs(-dx * directionY() + dy * directionX());
        return across <= halfWidthAt(fromTip);
    }

    /** The share (0-1) of a disc, e.g. a ball, that the stick hides; sampled on a grid. */
    public double coveredShareOfDisc(double centreXMm, double centreYMm, double radiusMm) {
        double nearest = Math.hypot(centreXMm - tipXMm, centreYMm - tipYMm);
        if (nearest > LENGTH_MM + radiusMm + BUTT_WIDTH_MM) {
            return 0;
        }
        int inside = 0;
        int covered = 0;
        for (int i = 0; i < DISC_SAMPLES; i++) {
            double u = (2 * i + 1.0) / DISC_SAMPLES - 1;
            for (int j = 0; j < DISC_SAMPLES; j++) {
                double v = (2 * j + 1.0) / DISC_SAMPLES - 1;
                if (u * u + v * v > 1) {
                    continue;
                }
                inside++;
                if (covers(centreXMm + u * radiusMm, centreYMm + v * radiusMm)) {
                    covered++;
                }
            }
        }
        return (double) covered / inside;
    }
}

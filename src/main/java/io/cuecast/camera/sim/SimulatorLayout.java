package io.cuecast.camera.sim;

import io.cuecast.table.TableSpec;

/**
 * Where the simulated table lies in the frame: the mapping between pixels and table millimetres.
 *
 * <p>The renderer draws the table top-down with its long side horizontal, centred in the frame and
 * scaled (equally on both axes) so that the whole table, cushions and wooden rails included, fits
 * with {@link #MARGIN_PX} to spare. Pixel coordinates follow OpenCV: the centre of pixel (0, 0) is at
 * (0, 0). Table coordinates follow {@link TableSpec}: millimetres from the top-left corner of the
 * playing area.
 *
 * @param widthPx      frame width
 * @param heightPx     frame height
 * @param table        the table drawn
 * @param pxPerMm      scale
 * @param originXPx    pixel x of the playing area's top-left corner (table x = 0)
 * @param originYPx    pixel y of the playing area's top-left corner (table y = 0)
 */
public record SimulatorLayout(int widthPx, int heightPx, TableSpec table, double pxPerMm,
                              double originXPx, double originYPx) {

    /** Width of the cushions, from the playing area's edge (the cushion nose) to the wooden rail. */
    public static final double CUSHION_WIDTH_MM = 50;
    /** Width of the wooden rail top outside the cushions. */
    public static final double RAIL_WIDTH_MM = 110;
    /** Least floor visible round the table. */
    public static final double MARGIN_PX = 20;

    /** The layout of {@code table} centred in a {@code widthPx} x {@code heightPx} frame. */
    public static SimulatorLayout of(int widthPx, int heightPx, TableSpec table) {
        double border = CUSHION_WIDTH_MM + RAIL_WIDTH_MM;
        double scale = Math.min((widthPx - 2 * MARGIN_PX) / (table.lengthMm() + 2 * border),
                (heightPx - 2 * MARGIN_PX) / (table.widthMm() + 2 * border));
        double originX = (widthPx - 1) / 2.0 - table.lengthMm() / 2 * scale;
        double originY = (heightPx - 1) / 2.0 - table.widthMm() / 2 * scale;
        return new SimulatorLayout(widthPx, heightPx, table, scale, originX, originY);
    }

    public double xToPx(double xMm) {
        return originXPx + xMm * pxPerMm;
    }

    public double yToPx(double yMm) {
        return originYPx + yMm * pxPerMm;
    }

    public double xToMm(double xPx) {
        return (xPx - originXPx) / pxPerMm;
    }

    public double yToMm(double yPx) {
        return (yPx - originYPx) / pxPerMm;
    }

    public double lengthToPx(double mm) {
        return mm * pxPerMm;
    }

    public double ballRadiusPx() {
        return lengthToPx(table.ballRadiusMm());
    }
}

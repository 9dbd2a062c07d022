package io.cuecast.vision;

/**
 * The ball radius a table view expects, looked up from a grid over a region of the image instead of
 * worked out through the view's mapping at every pixel: the detector asks at each distance-map peak,
 * and the mapping (with the lens model) cost about as much as the rest of the peak search. The
 * radius changes by a fraction of a pixel across a cell, even on an oblique view.
 */
final class BallRadiusGrid {
    static final int CELL_PX = 8;

    private final double[] radii;
    private final int columns;
    private final int rows;

    /** The radius at the centre of each cell of the region at (x0, y0) of the given size, in image pixels. */
    BallRadiusGrid(TableView view, int x0, int y0, int width, int height) {
        this.columns = Math.max(1, (width + CELL_PX - 1) / CELL_PX);
        this.rows = Math.max(1, (height + CELL_PX - 1) / CELL_PX);
        this.radii = new double[columns * rows];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                radii[row * columns + column] = view.ballRadiusPxAt(x0 + (column + 0.5) * CELL_PX, y0 + (row + 0.5) * CELL_PX);
            }
        }
    }

    /**
     * The radius at a point of the region: interpolated between the cells' centres, carried on
     * linearly in the half cell past the outer centres, and held beyond the region.
     */
    double at(double x, double y) {
        if (columns < 2 || rows < 2) {
            return radii[0];
        }
        double u = Math.min(columns - 0.5, Math.max(-0.5, x / CELL_PX - 0.5));
        double v = Math.min(rows - 0.5, Math.max(-0.5, y / CELL_PX - 0.5));
        int column = Math.max(0, Math.min(columns - 2, (int) Math.floor(u)));
        int row = Math.max(0, Math.min(rows - 2, (int) Math.floor(v)));
        double fu = u - column;
        double fv = v - row;
        int i = row * columns + column;
        double top = radii[i] + fu * (radii[i + 1] - radii[i]);
        double bottom = radii[i + columns] + fu * (radii[i + columns + 1] - radii[i + columns]);
        return top + fv * (bottom - top);
    }
}

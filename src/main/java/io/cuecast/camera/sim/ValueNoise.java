package io.cuecast.camera.sim;

import java.util.Random;

/** Smooth 2D noise in [-1, 1]: random values on a coarse grid, smoothly interpolated between. */
final class ValueNoise {
    private final double cellSize;
    private final int columns;
    private final double[] grid;

    ValueNoise(int width, int height, double cellSize, Random random) {
        this.cellSize = cellSize;
        this.columns = (int) Math.ceil(width / cellSize) + 2;
        int rows = (int) Math.ceil(height / cellSize) + 2;
        this.grid = new double[columns * rows];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextDouble() * 2 - 1;
        }
    }

    /** The noise at (x, y), which must lie within the width and height given at construction. */
    double at(double x, double y) {
        double gx = x / cellSize;
        double gy = y / cellSize;
        int ix = (int) gx;
        int iy = (int) gy;
        double fx = smooth(gx - ix);
        double fy = smooth(gy - iy);
        int i = iy * columns + ix;
        double top = grid[i] + (grid[i + 1] - grid[i]) * fx;
        double bottom = grid[i + columns] + (grid[i + columns + 1] - grid[i + columns]) * fx;
        return top + (bottom - top) * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}

package io.cuecast.state;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns (the Hungarian method in its shortest-augmenting-path
 * form, as Jonker and Volgenant describe it): O(n² m) for n rows and m columns.
 *
 * <p>Written out rather than taken from a library: the graph libraries on Maven Central that have
 * it (JGraphT's Kuhn-Munkres) want a graph object built per frame and square, complete inputs,
 * which costs more than the whole tracking budget for 16 balls.
 */
final class Assignment {
    /** A cost that forbids a pair; pairs left at it come back unassigned. */
    static final double FORBIDDEN = 1e12;

    private Assignment() {
    }

    /**
     * @param cost cost[row][column]; {@link #FORBIDDEN} (or more) where a pair may not be made
     * @return for each row the column it gets, or -1
     */
    static int[] solve(double[][] cost) {
        int rows = cost.length;
        int columns = rows == 0 ? 0 : cost[0].length;
        if (rows == 0 || columns == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows > columns) {
            return transposed(cost, rows, columns);
        }
        int[] columnOf = augment(cost, rows, columns);
        for (int row = 0; row < rows; row++) {
            if (columnOf[row] >= 0 && cost[row][columnOf[row]] >= FORBIDDEN) {
                columnOf[row] = -1;
            }
        }
        return columnOf;
    }

    private static int[] transposed(double[][] cost, int rows, int columns) {
        double[][] flipped = new double[columns][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                flipped[c][r] = cost[r][c];
            }
        }
        int[] rowOf = solve(flipped);
        int[] columnOf = new int[rows];
        Arrays.fill(columnOf, -1);
        for (int c = 0; c < columns; c++) {
            if (rowOf[c] >= 0) {
                columnOf[rowOf[c]] = c;
            }
        }
        return columnOf;
    }

    /**
     * Adds the rows one at a time, each along the cheapest path of alternating pairs in the reduced
     * costs (with row potentials u and column potentials v), so that every row ends up assigned.
     * Arrays are 1-based with column 0 as the path's root, as in the textbook form.
     */
    private static int[] augment(double[][] cost, int rows, int columns) {
        double[] u = new double[rows + 1];
        double[] v = new double[columns + 1];
        int[] rowAt = new int[columns + 1];
        int[] way = new int[columns + 1];
        double[] least = new double[columns + 1];
        boolean[] used = new boolean[columns + 1];
        for (int row = 1; row <= rows; row++) {
            rowAt[0] = row;
            int column = 0;
            Arrays.fill(least, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[column] = true;
                int r = rowAt[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int c = 1; c <= columns; c++) {
                    if (!used[c]) {
                        double reduced = cost[r - 1][c - 1] - u[r] - v[c];
                        if (reduced < least[c]) {
                            least[c] = reduced;
                            way[c] = column;
                        }
                        if (least[c] < delta) {
                            delta = least[c];
                            next = c;
                        }
                    }
                }
                for (int c = 0; c <= columns; c++) {
                    if (used[c]) {
                        u[rowAt[c]] += delta;
                        v[c] -= delta;
                    } else {
                        least[c] -= delta;
                    }
                }
                column = next;
            } while (rowAt[column] != 0);
            do {
                int previous = way[column];
                rowAt[column] = rowAt[previous];
                column = previous;
            } while (column != 0);
        }
        int[] columnOf = new int[rows];
        Arrays.fill(columnOf, -1);
        for (int c = 1; c <= columns; c++) {
            if (rowAt[c] != 0) {
                columnOf[rowAt[c] - 1] = c - 1;
            }
        }
        return columnOf;
    }
}

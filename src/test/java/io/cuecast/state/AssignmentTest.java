package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static final double NO = Assignment.FORBIDDEN;

    @Test
    void findsTheCheapestWholeAssignmentWhereTakingTheCheapestPairFirstWouldNot() {
        // Greedy takes (0,0) at 1 and is left with (1,1) at 10: 11. The optimum is 2 + 3 = 5.
        assertArrayEquals(new int[] {1, 0}, Assignment.solve(new double[][] {{1, 2}, {3, 10}}));
    }

    @Test
    void leavesRowsOrColumnsOverWhenTheMatrixIsNotSquare() {
        assertArrayEquals(new int[] {2, 0}, Assignment.solve(new double[][] {{5, 9, 1}, {1, 9, 5}}));
        assertArrayEquals(new int[] {-1, 0, 1}, Assignment.solve(new double[][] {{9, 9}, {1, 9}, {9, 1}}));
    }

    @Test
    void neverMakesAForbiddenPair() {
        assertArrayEquals(new int[] {0, -1}, Assignment.solve(new double[][] {{1, NO}, {1, NO}}));
        assertArrayEquals(new int[] {-1}, Assignment.solve(new double[][] {{NO, NO}}));
        assertArrayEquals(new int[] {}, Assignment.solve(new double[0][0]));
        assertArrayEquals(new int[] {-1, -1}, Assignment.solve(new double[2][0]));
    }
}

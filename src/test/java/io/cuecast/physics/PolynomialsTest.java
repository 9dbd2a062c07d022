package io.cuecast.physics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PolynomialsTest {

    /** (t-1)(t-2)(t-3)(t-4) = t⁴ - 10t³ + 35t² - 50t + 24. */
    private static final double[] FOUR_ROOTS = {24, -50, 35, -10, 1};

    @Test
    void findsEveryRootOfAQuarticInOrder() {
        assertArrayEquals(new double[] {1, 2, 3, 4}, Polynomials.roots(FOUR_ROOTS, 0, 5), 1e-9);
        assertArrayEquals(new double[] {3, 4}, Polynomials.roots(FOUR_ROOTS, 2.5, 5), 1e-9);
    }

    @Test
    void theFirstEntryIsTheFirstFallThroughZero() {
        assertEquals(1, Polynomials.firstEntry(FOUR_ROOTS, 0, 10, 0), 1e-9);
        // From 1.5 the polynomial is negative, rises through 2 and falls again through 3.
        assertEquals(3, Polynomials.firstEntry(FOUR_ROOTS, 1.5, 10, 0), 1e-9);
        // Below zero and still falling at 3.5 (the minimum is at 3.62): in contact and closing, so now.
        assertEquals(3.5, Polynomials.firstEntry(FOUR_ROOTS, 3.5, 10, 0));
        assertEquals(Double.POSITIVE_INFINITY, Polynomials.firstEntry(FOUR_ROOTS, 3.7, 10, 0));
    }

    @Test
    void aContactThatTouchesWithoutClosingIsNotAnEntry() {
        // (t-1)²: touches zero at t = 1 without going below.
        double[] graze = {1, -2, 1};
        assertEquals(Double.POSITIVE_INFINITY, Polynomials.firstEntry(graze, 1.5, 3, 0));
        // At zero now and opening: already resolved, not found again.
        assertEquals(Double.POSITIVE_INFINITY, Polynomials.firstEntry(new double[] {0, 5}, 0, 3, 1e-3));
        // At zero now and closing: contact now.
        assertEquals(0, Polynomials.firstEntry(new double[] {0, -5}, 0, 3, 1e-3));
    }

    @Test
    void aVanishingLeadingCoefficientFallsBackToTheLowerDegree() {
        assertEquals(2, Polynomials.firstEntry(new double[] {4, -2, 0, 0, 0}, 0, 10, 0), 1e-12);
    }
}

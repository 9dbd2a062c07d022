package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

class TableLocatorTest {

    @Test
    void landscapeTableStartsTopLeftAndRunsAlongTheLongSide() {
        Point[] shuffled = {new Point(900, 500), new Point(100, 100), new Point(100, 500), new Point(900, 100)};
        Point[] ordered = TableLocator.tableOrder(shuffled, 1000, 1000);
        assertArrayEquals(new Point[] {new Point(100, 100), new Point(900, 100), new Point(900, 500),
            new Point(100, 500)}, ordered);
    }

    @Test
    void portraitTableTurnsAQuarterSoXStillRunsAlongTheLongSide() {
        Point[] corners = {new Point(100, 100), new Point(500, 100), new Point(500, 900), new Point(100, 900)};
        Point[] ordered = TableLocator.tableOrder(corners, 1000, 1000);
        assertArrayEquals(new Point[] {new Point(500, 100), new Point(500, 900), new Point(100, 900),
            new Point(100, 100)}, ordered);
    }
}

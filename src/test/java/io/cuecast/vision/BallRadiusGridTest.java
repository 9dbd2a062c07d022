package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.table.TableSpec;
import io.cuecast.camera.OpenCvNatives;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

class BallRadiusGridTest {
    static {
        OpenCvNatives.load();
    }

    /** A strongly oblique view of a 9-foot table in a 1920x1080 frame: the far rail much narrower than the near one. */
    private static final TableView OBLIQUE = TableView.fromCorners(TableSpec.POOL_9FT, new Point[] {
            new Point(560, 200), new Point(1360, 200), new Point(1880, 1040), new Point(40, 1040)});

    @Test
    void theGridGivesTheViewsRadiusEverywhereOnAnObliqueViewWithinAFiftiethOfAPixel() {
        int x0 = 20;
        int y0 = 180;
        BallRadiusGrid grid = new BallRadiusGrid(OBLIQUE, x0, y0, 1880, 880);
        double nearest = Double.MAX_VALUE;
        double farthest = 0;
        for (int y = y0; y < y0 + 880; y += 7) {
            for (int x = x0; x < x0 + 1880; x += 7) {
                double truth = OBLIQUE.ballRadiusPxAt(x, y);
                assertEquals(truth, grid.at(x - x0, y - y0), 0.02, "at (" + x + ", " + y + ")");
                nearest = Math.min(nearest, truth);
                farthest = Math.max(farthest, truth);
            }
        }
        assertTrue(farthest > 1.5 * nearest, "the view is oblique enough to matter: " + nearest + " to " + farthest);
    }

    @Test
    void pointsPastTheRegionTakeTheRadiusAtItsEdge() {
        BallRadiusGrid grid = new BallRadiusGrid(OBLIQUE, 0, 0, 1920, 1080);
        assertEquals(grid.at(0, 0), grid.at(-50, -50), 1e-9);
        assertEquals(grid.at(1920, 1080), grid.at(5000, 5000), 1e-9);
    }
}

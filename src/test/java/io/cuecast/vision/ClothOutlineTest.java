package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

class ClothOutlineTest {
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 576;

    /**
     * A 2540 x 1270 mm table turned 15 degrees, its length running away from a camera 2 m above the
     * table's level, tilted 60 degrees from straight down: the long rails come out shorter in the
     * picture than the near cushion, yet the rectangle's own proportions come back.
     */
    @Test
    void recoversTheTablesProportionsFromAnEndOnView() {
        Point[] corners = clockwiseInImage(project(-635, -1270, 15), project(635, -1270, 15),
                project(635, 1270, 15), project(-635, 1270, 15));
        // from the far left corner: the far cushion, the right rail, the near cushion, the left rail
        Point[] fromTopLeft = TableLocator.fromTopLeft(corners);
        double imagedRail = Math.hypot(fromTopLeft[1].x - fromTopLeft[2].x, fromTopLeft[1].y - fromTopLeft[2].y);
        double imagedNearCushion = Math.hypot(fromTopLeft[2].x - fromTopLeft[3].x, fromTopLeft[2].y - fromTopLeft[3].y);
        assertTrue(imagedRail < imagedNearCushion, "the view foreshortens the long rails");
        assertEquals(0.5, ClothOutline.aspect(fromTopLeft, WIDTH, HEIGHT), 0.01);
    }

    /** Square to the camera, the focal length cannot be told from the picture; the long side is still found. */
    @Test
    void tableOrderStartsAlongTheTrueLongSideOfAnEndOnView() {
        Point[] corners = {project(-635, -1270, 0), project(635, -1270, 0), project(635, 1270, 0), project(-635, 1270, 0)};
        Point[] ordered = TableLocator.tableOrder(corners, WIDTH, HEIGHT);
        Point[] fromTopLeft = TableLocator.fromTopLeft(clockwiseInImage(corners));
        // the far left corner is nearest the image's top-left, but the first side must be a long rail
        assertEquals(fromTopLeft[1], ordered[0]);
        assertEquals(fromTopLeft[2], ordered[1]);
    }

    @Test
    void aSquareOnRectangleIsMeasuredByItsSides() {
        Point[] corners = {new Point(100, 100), new Point(900, 100), new Point(900, 500), new Point(100, 500)};
        assertEquals(2.0, ClothOutline.aspect(corners, WIDTH, HEIGHT), 1e-9);
    }

    /**
     * A table point (mm, table centre at the origin, y away from the camera), the table turned by
     * {@code turnDeg}, imaged by a tilted pinhole camera.
     */
    private static Point project(double tableX, double tableY, double turnDeg) {
        double turn = Math.toRadians(turnDeg);
        double x = tableX * Math.cos(turn) - tableY * Math.sin(turn);
        double y = tableX * Math.sin(turn) + tableY * Math.cos(turn);
        double tilt = Math.toRadians(60);
        double focal = 900;
        double height = 2000;
        double cameraY = -height * Math.tan(tilt);
        double vx = x;
        double vy = y - cameraY;
        double vz = -height;
        double along = vy * Math.sin(tilt) - vz * Math.cos(tilt);
        double down = -vy * Math.cos(tilt) - vz * Math.sin(tilt);
        return new Point(WIDTH / 2 + focal * vx / along, HEIGHT / 2 + focal * down / along);
    }

    private static Point[] clockwiseInImage(Point... corners) {
        return ClothOutline.clockwise(corners);
    }
}

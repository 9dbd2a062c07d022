package io.cuecast.physics;

import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a ball can hit or fall into at the edge of the table, built from the playing area and the
 * pocket shapes: the cushion noses as straight walls that stop at the pockets' mouths, each pocket's
 * two jaw facings, the jaw tips where nose and facing meet (a point a ball can strike), and the line
 * behind each mouth where the slate ends and a ball drops.
 */
final class TableBoundary {

    /** A straight cushion face from (x1, y1) of the given length along (dx, dy); (nx, ny) faces the balls. */
    record Wall(String name, double x1, double y1, double dx, double dy, double length, double nx, double ny) {
    }

    /** A jaw tip: a corner of the cushion a ball strikes with its side. */
    record Tip(String name, double x, double y) {
    }

    /**
     * Where a ball drops: its centre crossing the line through (x, y) across the pocket's axis
     * (ax, ay, pointing into the pocket), within halfWidth of the axis; the mouth is mouthHalfWidth
     * either side of the axis, shelf in front of that line.
     */
    record Drop(String pocket, double x, double y, double ax, double ay, double halfWidth, double mouthHalfWidth,
                double shelf) {
    }

    final List<Wall> walls = new ArrayList<>();
    final List<Tip> tips = new ArrayList<>();
    final List<Drop> drops = new ArrayList<>();

    private final double length;
    private final double width;
    private final double radius;

    TableBoundary(TableSpec table, EventPhysicsSettings settings) {
        double l = table.lengthMm();
        double w = table.widthMm();
        this.length = l;
        this.width = w;
        this.radius = settings.ballRadiusMm();
        double corner = settings.cornerPocket().mouthMm() / Math.sqrt(2);
        double side = settings.sidePocket().mouthMm() / 2;
        double depth = 2 * settings.ballRadiusMm() + Math.max(settings.cornerPocket().shelfMm(),
                settings.sidePocket().shelfMm());

        rail("top", corner, 0, l / 2 - side, 0, 0, 1);
        rail("top", l / 2 + side, 0, l - corner, 0, 0, 1);
        rail("bottom", corner, w, l / 2 - side, w, 0, -1);
        rail("bottom", l / 2 + side, w, l - corner, w, 0, -1);
        rail("left", 0, corner, 0, w - corner, 1, 0);
        rail("right", l, corner, l, w - corner, -1, 0);

        double s = Math.sqrt(0.5);
        pocket("top-left", corner / 2, corner / 2, -s, -s, settings.cornerPocket(), 135, depth);
        pocket("top-right", l - corner / 2, corner / 2, s, -s, settings.cornerPocket(), 135, depth);
        pocket("bottom-left", corner / 2, w - corner / 2, -s, s, settings.cornerPocket(), 135, depth);
        pocket("bottom-right", l - corner / 2, w - corner / 2, s, s, settings.cornerPocket(), 135, depth);
        pocket("top-side", l / 2, 0, 0, -1, settings.sidePocket(), 90, depth);
        pocket("bottom-side", l / 2, w, 0, 1, settings.sidePocket(), 90, depth);
    }

    /**
     * Whether a ball's centre can be at (x, y) on the slate: inside the cushions, or in a pocket's
     * mouth short of its drop line, where a ball that ran out of speed on the way in hangs.
     */
    boolean holds(double x, double y) {
        if (x >= radius && x <= length - radius && y >= radius && y <= width - radius) {
            return true;
        }
        for (Drop drop : drops) {
            double dx = x - drop.x();
            double dy = y - drop.y();
            double depth = dx * drop.ax() + dy * drop.ay();
            double across = Math.abs(-dx * drop.ay() + dy * drop.ax());
            if (depth < 0 && depth > -(drop.shelf() + radius) && across <= drop.mouthHalfWidth()) {
                return true;
            }
        }
        return false;
    }

    private void rail(String name, double x1, double y1, double x2, double y2, double nx, double ny) {
        double length = Planar.length(x2 - x1, y2 - y1);
        walls.add(new Wall(name, x1, y1, (x2 - x1) / length, (y2 - y1) / length, length, nx, ny));
    }

    /**
     * One pocket whose mouth is centred on (mx, my) with its axis (ax, ay) pointing out of the
     * table: two tips, two facings closing in on the axis, and the drop line at the shelf.
     */
    private void pocket(String name, double mx, double my, double ax, double ay, PocketShape shape,
                        double parallelAngleDeg, double facingDepth) {
        double half = shape.mouthMm() / 2;
        double closing = EventPhysicsSettings.convergence(shape, parallelAngleDeg);
        double px = -ay;
        double py = ax;
        for (int sideSign = -1; sideSign <= 1; sideSign += 2) {
            double tipX = mx + sideSign * half * px;
            double tipY = my + sideSign * half * py;
            tips.add(new Tip(name + " jaw", tipX, tipY));
            // The facing runs into the pocket along the axis while closing in towards it.
            double fx = ax - sideSign * closing * px;
            double fy = ay - sideSign * closing * py;
            double norm = Planar.length(fx, fy);
            fx /= norm;
            fy /= norm;
            double length = facingDepth * norm;
            // Its face looks towards the axis, the side the ball comes from.
            double nx = -fy;
            double ny = fx;
            if (nx * px + ny * py > 0 == sideSign > 0) {
                nx = -nx;
                ny = -ny;
            }
            walls.add(new Wall(name + " jaw", tipX, tipY, fx, fy, length, nx, ny));
        }
        drops.add(new Drop(name, mx + shape.shelfMm() * ax, my + shape.shelfMm() * ay, ax, ay,
                half - shape.shelfMm() * closing, half, shape.shelfMm()));
    }
}

package io.cuecast.vision;

import io.cuecast.table.TableSpec;
import java.util.List;
import org.opencv.core.Point;

/**
 * What tells a cue stick lying wholly over the cushion and rail (followed out from a cue ball by
 * {@link BeyondTheCloth}) from the rail's own edges, sights, pockets and markers.
 */
final class StickOverTheRail {
    /** A stick over the rail crosses the cushion at least this steeply; along it lies the cushion itself. */
    private static final double LEAST_INCIDENCE_DEG = 25;
    /** Of a stick over the rail, at least this share of its length stands out from its sides. */
    private static final double LEAST_SEEN_SHARE = 0.8;
    /** The most of a stick over the rail that a bridge hand on the rail hides. */
    private static final double BRIDGE_HAND_MM = 110;
    /**
     * Nearly every point of a stick over the rail lies this near its line; a few may not, where the
     * following settles onto the stick's middle.
     */
    private static final double MAX_OFF_LINE_PX = 2;
    private static final double MOST_OFF_LINE_SHARE = 0.1;

    private StickOverTheRail() {
    }

    /**
     * Whether a stick seen over the cushion and rail leaves the playing area at
     * {@value #LEAST_INCIDENCE_DEG} degrees or more to the cushion: its far end lies that far
     * out. A cushion's face or top, between the cloth and the rail, stands out from both like a stick
     * but runs along the table.
     */
    static boolean leavesTheTableSteeply(List<Point> middles, TableView view) {
        Point near = view.toTable(middles.get(0).x, middles.get(0).y);
        Point far = view.toTable(middles.get(middles.size() - 1).x, middles.get(middles.size() - 1).y);
        TableSpec spec = view.spec();
        double outside = Math.max(Math.max(-far.x, far.x - spec.lengthMm()), Math.max(-far.y, far.y - spec.widthMm()));
        return outside >= Math.hypot(far.x - near.x, far.y - near.y) * Math.sin(Math.toRadians(LEAST_INCIDENCE_DEG));
    }

    /**
     * Whether the middles found over the rail are a stick's: one every pixel or so from its first to
     * its last, but for one gap where a bridge hand on the rail may hide it, and nearly all on the
     * fitted line. The edges about a pocket, a sight or a marker stand out from their sides here and
     * there, not all along a straight line.
     */
    static boolean isWholeAndStraight(List<Point> middles, float[] line, double pxPerMm) {
        Point first = middles.get(0);
        Point last = middles.get(middles.size() - 1);
        double widestGap = 0;
        for (int i = 1; i < middles.size(); i++) {
            widestGap = Math.max(widestGap, Math.hypot(middles.get(i).x - middles.get(i - 1).x,
                    middles.get(i).y - middles.get(i - 1).y));
        }
        double hidden = widestGap <= BRIDGE_HAND_MM * pxPerMm ? widestGap : 0;
        if (middles.size() < LEAST_SEEN_SHARE * (Math.hypot(last.x - first.x, last.y - first.y) - hidden)) {
            return false;
        }
        int offLine = 0;
        for (Point middle : middles) {
            Point on = CueDetector.onto(middle, line);
            offLine += Math.hypot(middle.x - on.x, middle.y - on.y) > MAX_OFF_LINE_PX ? 1 : 0;
        }
        return offLine <= MOST_OFF_LINE_SHARE * middles.size();
    }
}

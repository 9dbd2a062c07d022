package io.cuecast.state;

import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import io.cuecast.vision.Detection;
import java.util.Arrays;
import java.util.List;

/**
 * The table after one frame: every tracked ball, the cue stick as that frame showed it (null when
 * none), which frame it came from, and the balls that left or came back in this frame.
 *
 * @param departures balls that left the state in this frame: pocketed, or lost after the grace time
 * @param returns    balls of known number that came back in this frame under their old id
 * @param cue        the cue stick this frame's detection saw, or null
 * @param cornersPx  where this frame showed the playing area's corners, in the order of table
 *                   (0,0), (L,0), (L,W), (0,W); empty when it showed no table
 */
public record TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                         List<TrackedBall> balls, List<Departure> departures, List<TrackedBall> returns,
                         CueDetection cue, List<Pixel> cornersPx) {

    /** A table with no ball leaving or coming back, and no cue stick. */
    public TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                      List<TrackedBall> balls) {
        this(frameSequence, capturedAtUs, table, tableFound, balls, List.of(), List.of(), null, List.of());
    }

    /** A table without a cue stick. */
    public TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                      List<TrackedBall> balls, List<Departure> departures, List<TrackedBall> returns) {
        this(frameSequence, capturedAtUs, table, tableFound, balls, departures, returns, null, List.of());
    }

    /** A table with a cue stick (or null), whose corners in the image are not known. */
    public TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                      List<TrackedBall> balls, List<Departure> departures, List<TrackedBall> returns,
                      CueDetection cue) {
        this(frameSequence, capturedAtUs, table, tableFound, balls, departures, returns, cue, List.of());
    }

    public TableState {
        balls = List.copyOf(balls);
        departures = List.copyOf(departures);
        returns = List.copyOf(returns);
        cornersPx = List.copyOf(cornersPx);
    }

    /** This state with what a detection saw besides the balls: the cue stick (or none), the table's corners. */
    public TableState withSightOf(Detection detection) {
        List<Pixel> corners = detection.tableFound()
                ? Arrays.stream(detection.table().cornersPx()).map(corner -> new Pixel(corner.x, corner.y)).toList()
                : List.of();
        return new TableState(frameSequence, capturedAtUs, table, tableFound, balls, departures, returns,
                detection.cue(), corners);
    }

    /**
     * A ball that left the table.
     *
     * @param ball   as last tracked
     * @param pocket the pocket it dropped into (a {@link TableSpec.Pocket} name), or null when it
     *               vanished elsewhere and the grace time ran out
     */
    public record Departure(TrackedBall ball, String pocket) {
        public boolean pocketed() {
            return pocket != null;
        }
    }
}

package io.cuecast.state;

import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.List;

/**
 * The table after one frame: every tracked ball, the cue stick as that frame showed it (null when
 * none), which frame it came from, and the balls that left or came back in this frame.
 *
 * @param departures balls that left the state in this frame: pocketed, or lost after the grace time
 * @param returns    balls of known number that came back in this frame under their old id
 * @param cue        the cue stick this frame's detection saw, or null
 */
public record TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                         List<TrackedBall> balls, List<Departure> departures, List<TrackedBall> returns,
                         CueDetection cue) {

    /** A table with no ball leaving or coming back, and no cue stick. */
    public TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                      List<TrackedBall> balls) {
        this(frameSequence, capturedAtUs, table, tableFound, balls, List.of(), List.of(), null);
    }

    /** A table without a cue stick. */
    public TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                      List<TrackedBall> balls, List<Departure> departures, List<TrackedBall> returns) {
        this(frameSequence, capturedAtUs, table, tableFound, balls, departures, returns, null);
    }

    public TableState {
        balls = List.copyOf(balls);
        departures = List.copyOf(departures);
        returns = List.copyOf(returns);
    }

    /** This state with the cue stick a detection saw (or null for none). */
    public TableState withCue(CueDetection seen) {
        return new TableState(frameSequence, capturedAtUs, table, tableFound, balls, departures, returns, seen);
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

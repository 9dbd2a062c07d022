package io.cuecast.state;

import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.List;

/**
 * The table after one frame: every tracked ball, the cue stick as that frame showed it (null when
 * none), and which frame it came from.
 */
public record TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                         List<TrackedBall> balls, CueDetection cue) {

    /** A state without a cue stick. */
    public TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                      List<TrackedBall> balls) {
        this(frameSequence, capturedAtUs, table, tableFound, balls, null);
    }

    /** This state with the cue stick a detection saw (or null for none). */
    public TableState withCue(CueDetection seen) {
        return new TableState(frameSequence, capturedAtUs, table, tableFound, balls, seen);
    }
}

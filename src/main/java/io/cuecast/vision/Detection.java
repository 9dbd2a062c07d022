package io.cuecast.vision;

import java.util.List;

/**
 * What the vision stage saw in one frame.
 *
 * @param table the playing area, or null when no table was found in this frame
 * @param cue   the cue stick, or null when none was seen over the cloth
 */
public record Detection(long frameSequence, long capturedAtUs, TableView table, List<BallDetection> balls,
                        CueDetection cue, double detectionMillis) {

    /** A detection without a cue stick. */
    public Detection(long frameSequence, long capturedAtUs, TableView table, List<BallDetection> balls,
                     double detectionMillis) {
        this(frameSequence, capturedAtUs, table, balls, null, detectionMillis);
    }

    public boolean tableFound() {
        return table != null;
    }
}

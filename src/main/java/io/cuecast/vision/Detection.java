package io.cuecast.vision;

import java.util.List;

/**
 * What the vision stage saw in one frame.
 *
 * @param table the playing area, or null when no table was found in this frame
 */
public record Detection(long frameSequence, long capturedAtUs, TableView table, List<BallDetection> balls,
                        double detectionMillis) {

    public boolean tableFound() {
        return table != null;
    }
}

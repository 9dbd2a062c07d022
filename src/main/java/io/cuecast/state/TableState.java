package io.cuecast.state;

import io.cuecast.table.TableSpec;
import java.util.List;

/** The table after one frame: every tracked ball, and which frame it came from. */
public record TableState(long frameSequence, long capturedAtUs, TableSpec table, boolean tableFound,
                         List<TrackedBall> balls) {
}

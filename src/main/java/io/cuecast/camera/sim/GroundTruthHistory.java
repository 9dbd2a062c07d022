package io.cuecast.camera.sim;

import java.util.Optional;

/**
 * The ground truth of the last {@code capacity} frames, safe to read from one thread while another
 * adds. Frames arrive with consecutive sequence numbers, so a ring indexed by sequence holds them.
 */
final class GroundTruthHistory {
    private final GroundTruthFrame[] ring;

    GroundTruthHistory(int capacity) {
        this.ring = new GroundTruthFrame[capacity];
    }

    synchronized void add(GroundTruthFrame frame) {
        ring[slot(frame.sequence())] = frame;
    }

    synchronized Optional<GroundTruthFrame> bySequence(long sequence) {
        GroundTruthFrame frame = ring[slot(sequence)];
        return frame != null && frame.sequence() == sequence ? Optional.of(frame) : Optional.empty();
    }

    synchronized Optional<GroundTruthFrame> byCaptureTime(long capturedAtUs) {
        for (GroundTruthFrame frame : ring) {
            if (frame != null && frame.capturedAtUs() == capturedAtUs) {
                return Optional.of(frame);
            }
        }
        return Optional.empty();
    }

    private int slot(long sequence) {
        return (int) Math.floorMod(sequence, (long) ring.length);
    }
}

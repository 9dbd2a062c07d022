package io.cuecast.state;

import io.cuecast.vision.Detection;
import java.util.Map;

/**
 * The state route's bean: tracks balls across detections, says which states are worth sending,
 * and shapes them for the wire. Keeps the latest state for health and, later, the REST API.
 */
public final class StateStage {
    private final BallTracker tracker;
    private final StatePublicationPolicy policy;
    private volatile TableState latest;

    public StateStage(BallTracker tracker, StatePublicationPolicy policy) {
        this.tracker = tracker;
        this.policy = policy;
    }

    /** One detection at a time: a dead letter replayed through the pipeline runs beside the live frames. */
    public synchronized TableState update(Detection detection) {
        TableState state = tracker.update(detection).withCue(detection.cue());
        latest = state;
        return state;
    }

    public synchronized boolean shouldPublish(TableState state) {
        return policy.shouldPublish(state);
    }

    public Map<String, Object> toWire(TableState state) {
        return StateMessages.toWire(state);
    }

    /** The latest state, or null before the first frame. */
    public TableState latest() {
        return latest;
    }
}

package io.cuecast.state;

import io.cuecast.vision.Detection;
import java.util.List;
import java.util.Map;

/**
 * The state route's bean: tracks balls across detections, tells the game's events, says which
 * states are worth sending, shapes both for the wire, and keeps what was published for the game API.
 */
public final class StateStage {
    private final BallTracker tracker;
    private final EventDetector events;
    private final StatePublicationPolicy policy;
    private final GameRecord record;

    public StateStage(BallTracker tracker, EventDetector events, StatePublicationPolicy policy, GameRecord record) {
        this.tracker = tracker;
        this.events = events;
        this.policy = policy;
        this.record = record;
    }

    /** One detection at a time: a dead letter replayed through the pipeline runs beside the live frames. */
    public synchronized StateUpdate update(Detection detection) {
        TableState state = tracker.update(detection).withCue(detection.cue());
        return new StateUpdate(state, events.onFrame(state));
    }

    /** The {@code data} of each of the frame's {@code events} messages, in order. */
    public List<Map<String, Object>> wireEvents(StateUpdate update) {
        return update.events().stream().map(GameEvent::toWire).toList();
    }

    public synchronized boolean shouldPublish(StateUpdate update) {
        return policy.shouldPublish(update.state());
    }

    public Map<String, Object> toWire(StateUpdate update) {
        return StateMessages.toWire(update.state());
    }

    /** Records a message the gateway published, under the sequence it got. */
    public void published(String stream, Map<String, Object> data, long sequence) {
        if ("state".equals(stream)) {
            record.statePublished(sequence, data);
        } else {
            record.eventPublished(sequence, data);
        }
    }

    public GameRecord record() {
        return record;
    }
}

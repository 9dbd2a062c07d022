package io.cuecast.state;

import io.cuecast.vision.Detection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state route's bean: tracks balls across detections, tells the game's events, says which
 * states are worth sending, shapes both for the wire, and keeps what was published for the game API.
 * It also tells the camera's outages as game events, since a game watched blind may have moved on.
 */
public final class StateStage {
    private final BallTracker tracker;
    private final EventDetector events;
    private final StatePublicationPolicy policy;
    private final GameRecord record;
    private final Clock clock;
    private long lastFrame;
    private long cameraLostAtUs;

    public StateStage(BallTracker tracker, EventDetector events, StatePublicationPolicy policy, GameRecord record,
                      Clock clock) {
        this.tracker = tracker;
        this.events = events;
        this.policy = policy;
        this.record = record;
        this.clock = clock;
    }

    /** One detection at a time: a dead letter replayed through the pipeline runs beside the live frames. */
    public synchronized StateUpdate update(Detection detection) {
        TableState state = tracker.update(detection).withSightOf(detection);
        lastFrame = Math.max(lastFrame, detection.frameSequence());
        return new StateUpdate(state, events.onFrame(state));
    }

    /**
     * The {@code data} of the {@code camera_lost} event: in the last frame the state saw, at the time
     * the failure was noticed (no frame shows it).
     */
    public synchronized Map<String, Object> cameraLost(String reason) {
        cameraLostAtUs = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason == null ? "unknown" : reason);
        return new GameEvent("camera_lost", lastFrame, cameraLostAtUs, List.of(), details).toWire();
    }

    /** The {@code data} of the {@code camera_restored} event, in the first frame after the outage. */
    public synchronized Map<String, Object> cameraRestored(long frame, long capturedAtUs) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("down_s", Math.round(Math.max(0, capturedAtUs - cameraLostAtUs) / 1e5) / 10.0);
        return new GameEvent("camera_restored", frame, capturedAtUs, List.of(), details).toWire();
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

    /** Records a message the gateway published, under the sequence it got; none (null) when it was dead-lettered. */
    public void published(String stream, Map<String, Object> data, Long sequence) {
        if (sequence == null) {
            return;
        }
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

package io.cuecast.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that happened in the game (see docs/PROTOCOL.md, "The events stream").
 *
 * @param type         e.g. {@code shot_started}, {@code ball_pocketed}
 * @param frame        the frame it was seen in
 * @param capturedAtUs that frame's capture time, epoch microseconds
 * @param ballIds      the balls involved, by their ids in {@code state}
 * @param details      what else there is to say, by type; JSON-ready values
 */
public record GameEvent(String type, long frame, long capturedAtUs, List<Integer> ballIds, Map<String, Object> details) {

    public GameEvent {
        ballIds = List.copyOf(ballIds);
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** The {@code data} of an {@code events} message. */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("event", type);
        wire.put("frame", frame);
        wire.put("captured_at_us", capturedAtUs);
        wire.put("ball_ids", ballIds);
        wire.put("data", details);
        return wire;
    }
}

package io.cuecast.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the game API serves: the latest published state and the recent events, each with the
 * sequence number the gateway gave it on its stream, so that a client can read the API and then
 * resume the WebSocket streams from there. Safe from any thread.
 */
public final class GameRecord {
    private final int eventCapacity;
    private final ArrayDeque<Map<String, Object>> events = new ArrayDeque<>();
    private Map<String, Object> latestState;

    /** @param eventCapacity how many recent events to keep */
    public GameRecord(int eventCapacity) {
        if (eventCapacity < 1) {
            throw new IllegalArgumentException("event capacity must be at least 1, was " + eventCapacity);
        }
        this.eventCapacity = eventCapacity;
    }

    public synchronized void statePublished(long sequence, Map<String, Object> data) {
        latestState = numbered(sequence, data);
    }

    public synchronized void eventPublished(long sequence, Map<String, Object> data) {
        if (events.size() == eventCapacity) {
            events.removeFirst();
        }
        events.addLast(numbered(sequence, data));
    }

    /** The latest published state: {@code sequence} and the state message's {@code data}. */
    public synchronized Optional<Map<String, Object>> latestState() {
        return Optional.ofNullable(latestState);
    }

    /** The kept events with a sequence above {@code since}, oldest first. */
    public synchronized List<Map<String, Object>> eventsSince(long since) {
        List<Map<String, Object>> newer = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if ((long) event.get("sequence") > since) {
                newer.add(event);
            }
        }
        return newer;
    }

    private static Map<String, Object> numbered(long sequence, Map<String, Object> data) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sequence", sequence);
        entry.put("data", data);
        return entry;
    }
}

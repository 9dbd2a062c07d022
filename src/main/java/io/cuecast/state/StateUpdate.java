package io.cuecast.state;

import java.util.List;

/** One frame's result of the state stage: the table, and what happened on it. */
public record StateUpdate(TableState state, List<GameEvent> events) {
    public StateUpdate {
        events = List.copyOf(events);
    }
}

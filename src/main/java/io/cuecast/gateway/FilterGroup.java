package io.cuecast.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscribers of one stream that share one filter and one set of tables. Each message is
 * decided (conditions, max_fps) and shaped once for the whole group, and every member gets the same
 * text. The unfiltered subscribers are one group too, which costs nothing per message beyond the
 * handing out.
 *
 * @param cadences per table, the max_fps/min_fps timing; empty when the filter has neither. Each
 *                 table has its own, so one table's message never conflates away another's
 */
record FilterGroup(StreamFilter filter, Set<String> tables, MessageShape shape, Conditions conditions,
                   Map<String, Cadence<StreamPublisher.Held>> cadences, List<Member> members) {

    record Member(ClientSession session, Subscription subscription) {
    }

    FilterGroup {
        members = List.copyOf(members);
    }

    static FilterGroup of(StreamFilter filter, Set<String> tables, List<Member> members) {
        Map<String, Cadence<StreamPublisher.Held>> cadences = new LinkedHashMap<>();
        if (Cadence.needed(filter)) {
            tables.forEach(table -> cadences.put(table, new Cadence<>(filter.maxFps(), filter.minFps())));
        }
        return new FilterGroup(filter, Set.copyOf(tables), filter.shape(), filter.conditionsOrNone(),
                Collections.unmodifiableMap(cadences), members);
    }

    /** The same group, its timing carried on, with these members. */
    FilterGroup withMembers(List<Member> newMembers) {
        return new FilterGroup(filter, tables, shape, conditions, cadences, newMembers);
    }

    boolean covers(String table) {
        return tables.contains(table);
    }

    /** The table's timing, or null when the filter has no max_fps or min_fps. */
    Cadence<StreamPublisher.Held> cadence(String table) {
        return cadences.get(table);
    }

    boolean hasCadence() {
        return !cadences.isEmpty();
    }

    boolean isUnfiltered() {
        return cadences.isEmpty() && conditions.isEmpty() && shape.isWhole();
    }
}

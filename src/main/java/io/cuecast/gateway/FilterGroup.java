package io.cuecast.gateway;

import java.util.List;

/**
 * The subscribers of one stream that share one filter. Each message is decided (conditions,
 * max_fps) and shaped once for the whole group, and every member gets the same text. The unfiltered
 * subscribers are one group too, which costs nothing per message beyond the handing out.
 *
 * @param cadence null when the filter has neither max_fps nor min_fps
 */
record FilterGroup(StreamFilter filter, MessageShape shape, Conditions conditions,
                   Cadence<StreamPublisher.Held> cadence, List<Member> members) {

    record Member(ClientSession session, Subscription subscription) {
    }

    FilterGroup {
        members = List.copyOf(members);
    }

    static FilterGroup of(StreamFilter filter, List<Member> members) {
        return new FilterGroup(filter, filter.shape(), filter.conditionsOrNone(),
                Cadence.needed(filter) ? new Cadence<>(filter.maxFps(), filter.minFps()) : null, members);
    }

    /** The same group, its timing carried on, with these members. */
    FilterGroup withMembers(List<Member> newMembers) {
        return new FilterGroup(filter, shape, conditions, cadence, newMembers);
    }

    boolean isUnfiltered() {
        return cadence == null && conditions.isEmpty() && shape.isWhole();
    }
}

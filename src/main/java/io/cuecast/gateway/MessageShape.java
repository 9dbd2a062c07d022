package io.cuecast.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How a stream message's {@code data} is cut for a group of clients: lists cut to the elements
 * their conditions keep, then the selected fields. Compared by value, so the fan-out encodes each
 * distinct shape once, however many clients and groups share it.
 */
record MessageShape(FieldSelection fields, List<Conditions.Cut> cuts) {

    static final MessageShape WHOLE = new MessageShape(FieldSelection.ALL, List.of());

    MessageShape {
        cuts = List.copyOf(cuts);
    }

    boolean isWhole() {
        return fields.isAll() && cuts.isEmpty();
    }

    ObjectNode applyTo(ObjectNode data) {
        return fields.applyTo(cuts.isEmpty() ? data : Conditions.cut(data, cuts));
    }
}

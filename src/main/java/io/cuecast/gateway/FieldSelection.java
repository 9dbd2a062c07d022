package io.cuecast.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Which top-level keys of a stream message's {@code data} a client wants. Compared by value, so
 * the fan-out encodes each distinct selection once, however many clients share it.
 *
 * @param include the keys to keep, or null for all of them
 * @param exclude the keys to leave out (applied after {@code include})
 */
record FieldSelection(Set<String> include, Set<String> exclude) {

    static final FieldSelection ALL = new FieldSelection(null, Set.of());

    FieldSelection {
        include = include == null ? null : Set.copyOf(include);
        exclude = Set.copyOf(exclude);
    }

    boolean isAll() {
        return equals(ALL);
    }

    /** A new object with only the selected keys of {@code data}, in their original order; values are shared. */
    ObjectNode applyTo(ObjectNode data) {
        ObjectNode selected = data.objectNode();
        data.fields().forEachRemaining(field -> {
            if ((include == null || include.contains(field.getKey())) && !exclude.contains(field.getKey())) {
                selected.set(field.getKey(), field.getValue());
            }
        });
        return selected;
    }
}

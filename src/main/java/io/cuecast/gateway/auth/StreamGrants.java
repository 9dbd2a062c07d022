package io.cuecast.gateway.auth;

import io.cuecast.gateway.Stream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads the streams a key or token grants: stream names, or {@code *} for every stream. */
final class StreamGrants {
    static final String ALL = "*";

    private StreamGrants() {
    }

    /**
     * @throws IllegalArgumentException naming every unknown stream
     */
    static Set<Stream> named(Collection<String> names) {
        Set<Stream> streams = EnumSet.noneOf(Stream.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (name.equals(ALL)) {
                streams.addAll(EnumSet.allOf(Stream.class));
            } else {
                Stream.fromWireName(name).ifPresentOrElse(streams::add, () -> unknown.add(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown stream(s) " + String.join(", ", unknown) + "; streams are "
                    + String.join(", ", Stream.wireNames()) + " or " + ALL + " for all");
        }
        return streams;
    }
}

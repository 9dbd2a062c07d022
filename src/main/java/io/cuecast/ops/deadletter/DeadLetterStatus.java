package io.cuecast.ops.deadletter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a dead letter stands: waiting for an operator, put back through its route, or given up. */
public enum DeadLetterStatus {
    PENDING, REPLAYED, PURGED;

    /** The lower-case name used in the store, the REST API and the CLI. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static DeadLetterStatus fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of " + wireNames() + ", not '"
                        + name + "'"));
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DeadLetterStatus::wireName).toList();
    }
}

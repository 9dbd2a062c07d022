package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tables an installation watches, by id, in configured order. Every stream message carries its
 * table's id, sequences and history are kept per table and stream, and a client subscribes to all
 * tables or to some. The first table is the default one: where a message published without a
 * table goes, and what a one-table installation's clients need never name.
 */
public final class Tables {

    /** What a one-table installation calls its table. */
    public static final String DEFAULT_ID = "main";
    /** Short and URL-safe, since ids travel in query strings, metric labels and (later) Kafka keys. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final List<String> ids;

    private Tables(List<String> ids) {
        this.ids = List.copyOf(ids);
    }

    public static Tables single() {
        return new Tables(List.of(DEFAULT_ID));
    }

    /**
     * @throws IllegalArgumentException if there is no id, an id is malformed, or one repeats
     */
    public static Tables of(Collection<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("at least one table id is needed");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("table id '" + id + "' must be 1 to 32 letters, digits, '_' or '-'");
            }
            if (!unique.add(id)) {
                throw new IllegalArgumentException("table id '" + id + "' is listed twice");
            }
        }
        return new Tables(new ArrayList<>(unique));
    }

    public List<String> ids() {
        return ids;
    }

    public String defaultId() {
        return ids.get(0);
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public boolean isSingle() {
        return ids.size() == 1;
    }

    /** The ids that are not tables here, in the order given; empty when all are. */
    List<String> unknown(Collection<String> names) {
        return names.stream().filter(name -> !ids.contains(name)).distinct().toList();
    }

    @Override
    public String toString() {
        return String.join(", ", ids);
    }
}

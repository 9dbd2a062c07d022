package io.cuecast.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A group of live settings under one prefix ({@code cuecast.state.}), with the component that
 * takes them. A change is checked whole and applied whole: one bad value refuses all of it.
 * Thread-safe.
 */
public final class ConfigSection {
    private final String name;
    private final String prefix;
    private final Map<String, LiveSetting> settings = new LinkedHashMap<>();
    private Consumer<Values> apply;
    private Map<String, Number> values;

    /**
     * Reads and checks the section's start-up values; the component is built from {@link #current()}
     * and then registered with {@link #onChange}.
     *
     * @throws ConfigException when a start-up value is bad
     */
    public ConfigSection(String name, String prefix, List<LiveSetting> settings, Settings initial) {
        this.name = name;
        this.prefix = prefix;
        settings.forEach(setting -> this.settings.put(setting.name(), setting));
        this.values = read(initial);
    }

    /** The start-up (or current) values, for building the component that takes them. */
    public synchronized Values current() {
        return new Values(values);
    }

    /** Who takes each accepted change: a complete set of checked values, before it is reported. */
    public synchronized void onChange(Consumer<Values> apply) {
        this.apply = apply;
    }

    public String name() {
        return name;
    }

    /** The current values by key within the section, in declaration order. */
    public synchronized Map<String, Number> values() {
        return values;
    }

    /**
     * Checks the changes as config file values would be checked, then applies them all.
     *
     * @param changes key within the section to its new value (a number, or a string holding one)
     * @return the section's values now, and each changed key's old and new value (none when every
     *         value was already current)
     * @throws ConfigChangeRejected listing every problem; nothing was changed
     */
    public synchronized ConfigChange update(Map<String, ?> changes) {
        List<String> problems = new ArrayList<>();
        if (changes.isEmpty()) {
            problems.add("nothing to change: send {\"key\": value, ...} with keys from " + settings.keySet());
        }
        changes.keySet().stream().filter(key -> !settings.containsKey(key)).forEach(key -> problems.add(
                "section '" + name + "' has no live key '" + key + "'; its keys are " + settings.keySet()));
        Map<String, Optional<String>> candidate = new LinkedHashMap<>();
        values.forEach((key, value) -> candidate.put(prefix + key, Optional.of(value.toString())));
        changes.forEach((key, value) -> candidate.put(prefix + key, Optional.ofNullable(value).map(Object::toString)));
        Map<String, Number> next = new LinkedHashMap<>();
        Settings checked = new Settings(key -> candidate.getOrDefault(key, Optional.empty()));
        for (LiveSetting setting : settings.values()) {
            try {
                next.put(setting.name(), setting.read(checked, prefix + setting.name()));
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigChangeRejected(problems);
        }
        Map<String, Map<String, Number>> summary = new LinkedHashMap<>();
        next.forEach((key, value) -> {
            Number old = values.get(key);
            if (old.doubleValue() != value.doubleValue()) {
                summary.put(key, Map.of("old", old, "new", value));
            }
        });
        if (apply == null) {
            throw new IllegalStateException("section '" + name + "' has no component to apply changes to");
        }
        apply.accept(new Values(next));
        values = Collections.unmodifiableMap(next);
        return new ConfigChange(name, values, summary);
    }

    private Map<String, Number> read(Settings source) {
        Map<String, Number> read = new LinkedHashMap<>();
        settings.values().forEach(setting -> read.put(setting.name(), setting.read(source, prefix + setting.name())));
        return Collections.unmodifiableMap(read);
    }

    /** A complete, checked set of a section's values, as its component takes them. */
    public static final class Values {
        private final Map<String, Number> byName;

        Values(Map<String, Number> byName) {
            this.byName = byName;
        }

        public double decimal(String name) {
            return get(name).doubleValue();
        }

        public int wholeNumber(String name) {
            return get(name).intValue();
        }

        private Number get(String name) {
            Number value = byName.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no live setting '" + name + "'; there are " + byName.keySet());
            }
            return value;
        }
    }
}

package io.cuecast.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The config sections that can change while Cuecast runs. Every accepted change comes back as a
 * {@link ConfigChange}, the data of a {@code config} stream message.
 */
public final class LiveConfig {
    private final Map<String, ConfigSection> sections = new LinkedHashMap<>();

    public LiveConfig(List<ConfigSection> sections) {
        sections.forEach(section -> this.sections.put(section.name(), section));
    }

    /** Every section's current values, by section name. */
    public Map<String, Map<String, Number>> all() {
        Map<String, Map<String, Number>> all = new LinkedHashMap<>();
        sections.forEach((name, section) -> all.put(name, section.values()));
        return all;
    }

    public Optional<ConfigSection> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /**
     * @throws java.util.NoSuchElementException when there is no such section
     * @throws ConfigChangeRejected             when a change is bad; nothing was changed
     */
    public ConfigChange update(String sectionName, Map<String, ?> changes) {
        return section(sectionName).orElseThrow(() -> new NoSuchElementException(
                "no live config section '" + sectionName + "'; there are " + sectionNames())).update(changes);
    }
}

package io.cuecast.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An accepted live config change, as the data of a {@code config} stream message (the original
 * system's shape): the section, all its values now, and each changed key's old and new value.
 */
public record ConfigChange(String section, Map<String, Number> config,
                           @JsonProperty("change_summary") Map<String, Map<String, Number>> changeSummary) {
}

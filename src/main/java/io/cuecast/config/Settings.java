package io.cuecast.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Typed, validated reads of configuration keys. Every failure names the key, the bad value and what
 * was expected, so that a typo in {@code config/application.properties} is found at start-up.
 */
public final class Settings {
    private final Function<String, Optional<String>> lookup;

    public Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public Optional<String> optional(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return inRange(key, Integer.parseInt(raw.get()), min, max).intValue();
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a whole number from " + min + " to " + max);
        }
    }

    public double decimal(String key, double fallback, double min, double max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return inRange(key, Double.parseDouble(raw.get()), min, max).doubleValue();
        } catch (NumberFormatException e) {
            throw invalid(key, raw.get(), "a number from " + min + " to " + max);
        }
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, raw.get(), "true or false");
        };
    }

    /**
     * A value read by {@code parser}, whose IllegalArgumentException (with its own explanation) is
     * reported against the key.
     */
    public <T> T parsed(String key, String fallback, Function<String, T> parser) {
        String raw = string(key, fallback);
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key '" + key + "' is '" + raw + "': " + e.getMessage(), e);
        }
    }

    private static Number inRange(String key, Number value, Number min, Number max) {
        if (value.doubleValue() < min.doubleValue() || value.doubleValue() > max.doubleValue()) {
            throw invalid(key, value.toString(), "a value from " + min + " to " + max);
        }
        return value;
    }

    private static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("config key '" + key + "' is '" + value + "', but must be " + expected);
    }
}

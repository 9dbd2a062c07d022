package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quality levels the frame stream offers, in the order configured, and the one a client gets
 * when it names none.
 */
public record QualityLevels(List<QualityLevel> levels, QualityLevel defaultLevel) {

    /** low 320 px, medium 640 px, high 1280 px, full: the camera's size. */
    public static final String DEFAULT_SPEC = "low:320:50, medium:640:70, high:1280:80, full:0:90";
    public static final String DEFAULT_LEVEL = "medium";

    public QualityLevels {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one quality level is needed");
        }
        if (levels.stream().map(QualityLevel::name).distinct().count() != levels.size()) {
            throw new IllegalArgumentException("quality level names must differ, but they are " + names(levels));
        }
        if (!levels.contains(defaultLevel)) {
            throw new IllegalArgumentException("the default quality level must be one of " + names(levels)
                    + ", but it is " + defaultLevel);
        }
    }

    public static QualityLevels defaults() {
        return withDefault(parseLevels(DEFAULT_SPEC), DEFAULT_LEVEL);
    }

    /**
     * Reads {@code name:max-width:jpeg-quality} entries separated by commas, e.g.
     * {@code "low:320:50, full:0:90"} (a width of 0 keeps the camera's).
     *
     * @throws IllegalArgumentException saying which entry is wrong and why
     */
    public static List<QualityLevel> parseLevels(String spec) {
        List<QualityLevel> levels = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not name:max-width:jpeg-quality");
            }
            try {
                levels.add(new QualityLevel(parts[0].trim(), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry.trim() + "' needs whole numbers for the width and quality");
            }
        }
        return levels;
    }

    /** @throws IllegalArgumentException if no level has that name */
    public static QualityLevels withDefault(List<QualityLevel> levels, String defaultName) {
        QualityLevel defaultLevel = levels.stream().filter(level -> level.name().equals(defaultName.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the default quality level '"
                        + defaultName.trim() + "' is not one of " + names(levels)));
        return new QualityLevels(levels, defaultLevel);
    }

    public Optional<QualityLevel> named(String name) {
        return levels.stream().filter(level -> level.name().equals(name)).findFirst();
    }

    /** The level a frame subscription gets: the one its filter names, else the default. */
    QualityLevel of(StreamFilter filter) {
        return filter.qualityLevel() == null ? defaultLevel : named(filter.qualityLevel()).orElse(defaultLevel);
    }

    /**
     * Refuses a frame filter naming a level that does not exist, so the client hears about it at
     * subscribe rather than getting another size than it asked for.
     */
    void requireKnown(StreamFilter frameFilter) {
        String name = frameFilter == null ? null : frameFilter.qualityLevel();
        if (name != null && named(name).isEmpty()) {
            throw new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, "data.filters.frame.quality_level '" + name
                    + "' is not a quality level; the levels are " + String.join(", ", names(levels))
                    + ". No subscription was changed.");
        }
    }

    public List<String> names() {
        return names(levels);
    }

    private static List<String> names(List<QualityLevel> levels) {
        return levels.stream().map(QualityLevel::name).toList();
    }
}

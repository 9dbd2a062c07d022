package io.cuecast.config;

/**
 * A config key that may change while Cuecast runs, with the range it is checked against both at
 * start-up and on every live change, so that both refuse the same values with the same words.
 *
 * @param name     the key within its section, as in the config file: {@code keepalive-seconds}
 * @param whole    whether it takes whole numbers only
 * @param fallback the value when the config file leaves the key out
 */
public record LiveSetting(String name, boolean whole, double fallback, double min, double max) {

    public static LiveSetting decimal(String name, double fallback, double min, double max) {
        return new LiveSetting(name, false, fallback, min, max);
    }

    public static LiveSetting wholeNumber(String name, int fallback, int min, int max) {
        return new LiveSetting(name, true, fallback, min, max);
    }

    /**
     * The value of {@code key}, checked.
     *
     * @throws ConfigException naming the key, the value and the range
     */
    Number read(Settings settings, String key) {
        // Not a ?: expression, which would widen the int to a double.
        if (whole) {
            return settings.integer(key, (int) fallback, (int) min, (int) max);
        }
        return settings.decimal(key, fallback, min, max);
    }
}

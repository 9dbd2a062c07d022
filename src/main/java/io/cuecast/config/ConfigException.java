package io.cuecast.config;

/** A configuration value that cannot be used. The message names the key and what it must be. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

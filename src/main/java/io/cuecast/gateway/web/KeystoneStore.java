package io.cuecast.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The projector's keystone calibration, kept in a JSON file so it survives a restart. Saving
 * writes a new file and moves it over the old one, so a crash never leaves half a calibration.
 */
public final class KeystoneStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private volatile Keystone current;

    private KeystoneStore(Path file, Keystone current) {
        this.file = file;
        this.current = current;
    }

    /** The calibration in {@code file}, or the full screen while there is none. */
    public static KeystoneStore open(Path file, String key) {
        if (!Files.exists(file)) {
            return new KeystoneStore(file, Keystone.FULL_SCREEN);
        }
        try {
            return new KeystoneStore(file, Keystone.parse(JSON.readTree(file.toFile())));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(key + ": the projector calibration " + file + " cannot be read (" + e.getMessage()
                    + "); fix or delete it (the projector then fills the screen until it is calibrated again)", e);
        }
    }

    public Keystone current() {
        return current;
    }

    public synchronized void save(Keystone keystone) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(written.toFile(), keystone.toJson());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        current = keystone;
    }
}

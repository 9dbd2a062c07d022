package io.cuecast.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Four corners set by hand (a projector's keystone, the table's outline in the camera image), kept
 * in a JSON file so that they survive a restart. Saving writes a new file and moves it over the old
 * one, so a crash never leaves half a calibration.
 */
public final class CornersFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private volatile Optional<FourCorners> current;

    private CornersFile(Path file, Optional<FourCorners> current) {
        this.file = file;
        this.current = current;
    }

    /**
     * The corners in {@code file}, or none while there is no file.
     *
     * @param key  the config key that names the file, for errors
     * @param what what the corners are, for errors ("the projector calibration")
     * @throws ConfigException when the file cannot be read or holds bad corners
     */
    public static CornersFile open(Path file, String key, FourCorners.Surface surface, String what) {
        if (!Files.exists(file)) {
            return new CornersFile(file, Optional.empty());
        }
        try {
            return new CornersFile(file, Optional.of(FourCorners.parse(JSON.readTree(file.toFile()), surface)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(key + ": " + what + " " + file + " cannot be read (" + e.getMessage()
                    + "); fix or delete it, and set it again", e);
        }
    }

    public Optional<FourCorners> current() {
        return current;
    }

    public synchronized void save(FourCorners corners) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            JSON.writeValue(written.toFile(), corners.toJson());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
        current = Optional.of(corners);
    }

    /** Forgets the corners (and deletes the file). */
    public synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
        current = Optional.empty();
    }
}

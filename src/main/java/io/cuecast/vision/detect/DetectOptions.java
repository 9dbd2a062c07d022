package io.cuecast.vision.detect;

import io.cuecast.LaunchOptions;
import io.cuecast.camera.lens.LensCalibration;
import io.cuecast.camera.lens.UndistortedFrameSource;
import io.cuecast.config.Settings;
import io.cuecast.table.TableSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code detect} command line: the inputs, where to draw, and the table settings, read from
 * {@code --table-config FILE} with the keys of {@code config/application.properties}
 * ({@code cuecast.table.size}, {@code cuecast.vision.table-refresh-frames},
 * {@code cuecast.camera.lens-calibration}), so that the application's own file serves.
 */
record DetectOptions(List<Path> inputs, Optional<Path> annotateDir, TableSpec table, int tableRefreshFrames,
                     Optional<LensCalibration> lens) {

    /** IllegalArgumentException on a bad option; ConfigException on a bad table setting. */
    static DetectOptions parse(String[] args) {
        Optional<Path> tableConfig = Optional.empty();
        Optional<Path> annotate = Optional.empty();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table-config" -> tableConfig = Optional.of(Path.of(LaunchOptions.valueAfter(args, i++)));
                case "--annotate" -> annotate = Optional.of(Path.of(LaunchOptions.valueAfter(args, i++)));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                    }
                    inputs.add(Path.of(args[i]));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no images, videos or folders given");
        }
        Properties properties = tableConfig.map(DetectOptions::load).orElseGet(Properties::new);
        Settings settings = new Settings(key -> Optional.ofNullable(properties.getProperty(key)));
        return new DetectOptions(inputs, annotate,
                settings.parsed("cuecast.table.size", "9ft-pool", TableSpec::named),
                settings.integer("cuecast.vision.table-refresh-frames", 150, 1, 100_000),
                UndistortedFrameSource.calibrationFile(settings).map(UndistortedFrameSource::readCalibration));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --table-config '" + file + "': " + e.getMessage(), e);
        }
        return properties;
    }
}

package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** The ffmpeg on PATH for tests that need one: they skip, saying why, where it is missing; in CI they fail. */
final class InstalledFfmpeg {
    private InstalledFfmpeg() {
    }

    static void require() {
        boolean installed = Arrays.stream(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "ffmpeg")) && Files.isExecutable(Path.of(folder, "ffprobe")));
        String missing = "ffmpeg and ffprobe are not on PATH, so the ffmpeg camera source is not tested here"
                + " (install them: apt-get install ffmpeg)";
        if (!installed && System.getenv("CI") != null) {
            fail(missing + "; .ci/run installs them, so in CI this is a broken setup");
        }
        assumeTrue(installed, missing);
    }
}

package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Mat;

/**
 * The ffmpeg on PATH, for tests that need one: they skip, saying why, where it is missing; in CI,
 * whose .ci/run installs it, they fail instead.
 */
public final class InstalledFfmpeg {
    private InstalledFfmpeg() {
    }

    public static void require() {
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

    /**
     * Writes an MP4 (MPEG-4 part 2, which every ffmpeg can encode) of {@code frames} frames of the
     * simulated table, {@link MjpegTestServer#images()} over and over, made by piping raw frames into ffmpeg.
     */
    public static Path simulatedTableMp4(Path mp4, int frames) throws Exception {
        require();
        Path log = mp4.resolveSibling(mp4.getFileName() + ".log");
        Process encoder = new ProcessBuilder("ffmpeg", "-y", "-hide_banner", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", MjpegTestServer.WIDTH + "x" + MjpegTestServer.HEIGHT,
                "-r", "30", "-i", "pipe:0", "-c:v", "mpeg4", "-q:v", "2", "-pix_fmt", "yuv420p", mp4.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream in = encoder.getOutputStream()) {
            List<Mat> images = MjpegTestServer.images();
            byte[] pixels = new byte[MjpegTestServer.WIDTH * MjpegTestServer.HEIGHT * 3];
            for (int i = 0; i < frames; i++) {
                images.get(i % images.size()).get(0, 0, pixels);
                in.write(pixels);
            }
        }
        assertTrue(encoder.waitFor(60, TimeUnit.SECONDS) && encoder.exitValue() == 0,
                "ffmpeg could not make the test video: " + Files.readString(log));
        return mp4;
    }

    /** The ffmpeg processes this JVM started that still run. */
    public static List<ProcessHandle> runningFfmpegs() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false)).toList();
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.Cuecast;
import io.cuecast.LaunchOptions;
import io.cuecast.camera.FrameSource;
import io.cuecast.camera.lens.LensCalibration;
import io.cuecast.config.ConfigException;
import io.cuecast.vision.VisionStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cuecast.camera.lens-calibration at start-up: a bad file stops it, a good one undistorts the camera. */
class LensCalibrationStartupTest {

    @TempDir
    Path dir;

    @Test
    void aMissingCalibrationFileStopsStartUpNamingTheKey() {
        Path missing = dir.resolve("no-such-lens.json");
        String[] args = {"--port", String.valueOf(AvailablePortFinder.getNextAvailable()),
            "--cuecast.dead-letters.dir=" + dir.resolve("dead-letters"),
            "--cuecast.camera.lens-calibration=" + missing};
        Exception failure = assertThrows(Exception.class, () -> Cuecast.newMain(LaunchOptions.parse(args)).run());
        ConfigException config = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            config = cause instanceof ConfigException found ? found : config;
        }
        assertTrue(config != null && config.getMessage().startsWith(
                "config key 'cuecast.camera.lens-calibration' is '" + missing + "': cannot read lens calibration"),
                String.valueOf(failure));
    }

    @Test
    void aCalibratedCameraIsUndistortedBeforeDetection() throws Exception {
        LensCalibration lens = new LensCalibration(1280, 720, 1000, 1000, 640, 360,
                new double[] {-0.05, 0.01, 0, 0, 0}, 0.3);
        Path file = Files.writeString(dir.resolve("lens.json"), LensCalibration.format(lens.toJson()));
        try (RunningCuecast app = RunningCuecast.start("--cuecast.camera.lens-calibration=" + file)) {
            String camera = app.bean("frameSource", FrameSource.class).description();
            assertTrue(camera.endsWith(", undistorted with " + file), camera);
            VisionStage vision = app.bean("visionStage", VisionStage.class);
            Await.until(vision::lastDetection, d -> d != null && d.tableFound() && !d.balls().isEmpty(),
                    Duration.ofSeconds(30), "detections on undistorted frames");
        }
    }
}

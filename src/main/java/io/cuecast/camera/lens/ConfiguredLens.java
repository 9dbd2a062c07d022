package io.cuecast.camera.lens;

import io.cuecast.camera.FrameSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The lens calibration that {@value UndistortedFrameSource#KEY} names, read once at start-up: what
 * to wrap the camera in (undistortion, or nothing when the key is empty), and its status as the
 * calibration page shows it.
 */
public final class ConfiguredLens implements UnaryOperator<FrameSource> {
    private final Optional<Calibrated> calibrated;

    private record Calibrated(Path file, LensCalibration calibration) {
    }

    private ConfiguredLens(Optional<Calibrated> calibrated) {
        this.calibrated = calibrated;
    }

    static ConfiguredLens none() {
        return new ConfiguredLens(Optional.empty());
    }

    static ConfiguredLens of(Path file, LensCalibration calibration) {
        return new ConfiguredLens(Optional.of(new Calibrated(file, calibration)));
    }

    @Override
    public FrameSource apply(FrameSource camera) {
        return calibrated.<FrameSource>map(lens -> new UndistortedFrameSource(camera, lens.calibration(), lens.file()))
                .orElse(camera);
    }

    /** Whether frames are undistorted, and with what: the file and its figures, or how to calibrate. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("calibrated", calibrated.isPresent());
        calibrated.ifPresentOrElse(lens -> {
            status.put("file", lens.file().toString());
            status.put("calibration", lens.calibration().toJson());
        }, () -> status.put("how", "frames are not undistorted: calibrate with `java -jar cuecast.jar calibrate-lens`"
                + " and set " + UndistortedFrameSource.KEY + " (README.md)"));
        return status;
    }
}

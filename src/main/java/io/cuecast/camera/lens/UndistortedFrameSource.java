package io.cuecast.camera.lens;

import io.cuecast.camera.CameraException;
import io.cuecast.camera.Frame;
import io.cuecast.camera.FrameSource;
import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import org.opencv.core.Mat;

/**
 * A frame source whose frames come out with the lens distortion taken away, so that detection, the
 * video and the positions all see one straight-lined image.
 */
public final class UndistortedFrameSource implements FrameSource {
    public static final String KEY = "cuecast.camera.lens-calibration";

    private final FrameSource source;
    private final LensUndistorter undistorter;
    private final Path file;

    public UndistortedFrameSource(FrameSource source, LensCalibration calibration, Path file) {
        this.source = source;
        this.undistorter = new LensUndistorter(calibration);
        this.file = file;
    }

    /**
     * What to wrap the camera in: undistortion with the calibration file {@value #KEY} names, or
     * nothing when the key is empty. The file is read now, before any camera is opened.
     *
     * @throws ConfigException when the file is missing or not a usable calibration
     */
    public static ConfiguredLens fromSettings(Settings settings) {
        return calibrationFile(settings).map(file -> ConfiguredLens.of(file, readCalibration(file)))
                .orElseGet(ConfiguredLens::none);
    }

    /** The calibration file that {@value #KEY} names, if any. */
    public static Optional<Path> calibrationFile(Settings settings) {
        return settings.optional(KEY).map(Path::of);
    }

    /** Reads the calibration file that {@value #KEY} names; ConfigException when it cannot be used. */
    public static LensCalibration readCalibration(Path file) {
        try {
            return LensCalibration.read(file);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key '" + KEY + "' is '" + file + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Frame> grab() {
        Optional<Frame> grabbed = source.grab();
        if (grabbed.isEmpty()) {
            return grabbed;
        }
        try (Frame frame = grabbed.get()) {
            Mat straight = undistorter.undistort(frame.image());
            return Optional.of(new Frame(frame.sequence(), frame.capturedAtUs(), straight));
        } catch (IllegalArgumentException e) {
            throw new CameraException(source.description() + ": " + e.getMessage() + " (" + KEY + " = " + file + ")", e);
        }
    }

    @Override
    public String description() {
        return source.description() + ", undistorted with " + file;
    }

    @Override
    public double fps() {
        return source.fps();
    }

    @Override
    public void close() {
        source.close();
        undistorter.close();
    }
}

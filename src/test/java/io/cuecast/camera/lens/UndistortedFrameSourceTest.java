package io.cuecast.camera.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.CameraException;
import io.cuecast.camera.Frame;
import io.cuecast.camera.FrameSource;
import io.cuecast.camera.ImageFolderSource;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** cuecast.camera.lens-calibration: frames undistorted at the source, and each way the file can be bad. */
class UndistortedFrameSourceTest {
    private static final LensCalibration LENS = new LensCalibration(640, 360, 450, 452, 322, 178,
            new double[] {-0.3, 0.1, 0.001, -0.001, -0.01}, 0.4);

    @TempDir
    Path dir;

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    private static Settings settings(String calibration) {
        return new Settings(key -> Optional.ofNullable(Map.of(UndistortedFrameSource.KEY, calibration).get(key)));
    }

    private Path calibrationFile(String json) throws Exception {
        return Files.writeString(dir.resolve("lens.json"), json);
    }

    private ConfigException refused(String json) throws Exception {
        Path file = calibrationFile(json);
        return assertThrows(ConfigException.class, () -> UndistortedFrameSource.fromSettings(settings(file.toString())));
    }

    @Test
    void anEmptyKeyLeavesTheCameraAlone() throws Exception {
        try (FrameSource images = ImageFolderSource.open(grid(640, 360).toString(), false, 10)) {
            assertSame(images, UndistortedFrameSource.fromSettings(settings("")).apply(images));
        }
    }

    @Test
    void framesComeOutUndistortedWithTheirSequenceAndTime() throws Exception {
        Path file = calibrationFile(LensCalibration.format(LENS.toJson()));
        Path folder = grid(640, 360);
        Frame original;
        try (FrameSource plain = ImageFolderSource.open(folder.toString(), false, 10)) {
            original = plain.grab().orElseThrow();
        }
        try (FrameSource undistorted = UndistortedFrameSource.fromSettings(settings(file.toString()))
                .apply(ImageFolderSource.open(folder.toString(), false, 10));
             LensUndistorter undistorter = new LensUndistorter(LENS);
             Frame frame = undistorted.grab().orElseThrow()) {
            assertEquals(1, frame.sequence());
            assertEquals(640, frame.width());
            assertEquals(360, frame.height());
            assertTrue(undistorted.description().endsWith(", undistorted with " + file), undistorted.description());
            Mat expected = undistorter.undistort(original.image());
            assertEquals(0.0, Core.norm(expected, frame.image(), Core.NORM_INF), "the frame is the undistorted image");
            assertTrue(Core.norm(original.image(), frame.image(), Core.NORM_L1) > 0, "and not the image as taken");
            expected.release();
        } finally {
            original.close();
        }
    }

    @Test
    void framesOfAnotherAspectRatioAreACameraErrorNamingTheKey() throws Exception {
        Path file = calibrationFile(LensCalibration.format(LENS.toJson()));
        try (FrameSource undistorted = UndistortedFrameSource.fromSettings(settings(file.toString()))
                .apply(ImageFolderSource.open(grid(640, 480).toString(), false, 10))) {
            CameraException failure = assertThrows(CameraException.class, undistorted::grab);
            assertTrue(failure.getMessage().contains("the lens calibration was solved on 640x360 images and cannot be"
                    + " used for 640x480 frames (another aspect ratio): calibrate at this size"
                    + " (cuecast.camera.lens-calibration = " + file + ")"), failure.getMessage());
        }
    }

    @Test
    void aMissingFileIsAConfigError() {
        Path missing = dir.resolve("missing.json");
        ConfigException failure = assertThrows(ConfigException.class,
                () -> UndistortedFrameSource.fromSettings(settings(missing.toString())));
        assertTrue(failure.getMessage().startsWith("config key 'cuecast.camera.lens-calibration' is '" + missing
                + "': cannot read lens calibration '" + missing + "': "), failure.getMessage());
    }

    @Test
    void anUnusableFileIsAConfigErrorSayingWhatIsWrong() throws Exception {
        assertTrue(refused("{\"camera_matrix\": [[1").getMessage().contains("cannot read lens calibration"));
        assertTrue(refused("{\"camera_matrix\": [[800,0,640],[0,800,360],[0,0,1]], \"distortion\": [0,0,0,0,0]}")
                .getMessage().endsWith("is not usable: it has no 'image_size'"));
        String noFocus = "{\"image_size\": {\"width\": 1280, \"height\": 720},"
                + " \"camera_matrix\": [[0,0,640],[0,800,360],[0,0,1]], \"distortion\": [0,0,0,0,0]}";
        assertTrue(refused(noFocus).getMessage().endsWith(
                "the camera matrix needs positive focal lengths and a finite centre"));
        String threeCoefficients = "{\"image_size\": {\"width\": 1280, \"height\": 720},"
                + " \"camera_matrix\": [[800,0,640],[0,800,360],[0,0,1]], \"distortion\": [0.1, 0, 0]}";
        assertTrue(refused(threeCoefficients).getMessage().contains(
                "the distortion must be 4, 5 or 8 finite numbers (k1, k2, p1, p2[, k3[, k4, k5, k6]]), not [0.1, 0.0, 0.0]"));
        String words = "{\"image_size\": {\"width\": 1280, \"height\": 720},"
                + " \"camera_matrix\": [[800,0,640],[0,800,360],[0,0,1]], \"distortion\": [\"k1\", 0, 0, 0]}";
        assertTrue(refused(words).getMessage().endsWith("'\"k1\"' is not a number"));
        assertTrue(refused("{\"image_size\": {\"width\": 0, \"height\": 720}, \"camera_matrix\": [[800,0,640],"
                + "[0,800,360],[0,0,1]], \"distortion\": [0,0,0,0]}").getMessage()
                .endsWith("the image size must be positive, not 0x720"));
    }

    /** A folder holding one picture of straight lines, which a lens would bend. */
    private Path grid(int width, int height) {
        Path folder = dir.resolve("grid-" + width + "x" + height);
        Mat picture = new Mat(height, width, CvType.CV_8UC3, new Scalar(255, 255, 255));
        for (int x = 20; x < width; x += 40) {
            Imgproc.line(picture, new Point(x, 0), new Point(x, height), new Scalar(0, 0, 0), 2);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Imgcodecs.imwrite(folder.resolve("grid.png").toString(), picture);
        picture.release();
        return folder;
    }
}

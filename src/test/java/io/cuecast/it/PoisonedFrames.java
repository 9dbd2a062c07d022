package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * An image folder that poisons detection: three full-size (1280x720) simulator frames, then the same
 * table as a 640x360 thumbnail. Detection learns the table from the full-size frames and then fails
 * on the thumbnail, whose pixels do not reach where it learnt the table to be (an OpenCV
 * CvException), until the table is learnt again.
 */
final class PoisonedFrames {
    static final int POISON_SEQUENCE = 4;

    private PoisonedFrames() {
    }

    /** @return the camera source setting that plays the folder */
    static String writeTo(Path folder) {
        try (SimulatedCamera camera = new SimulatedCamera(SimulatorSettings.defaults().withSeed(3))) {
            for (int n = 1; n <= POISON_SEQUENCE; n++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    Mat image = frame.image();
                    if (n == POISON_SEQUENCE) {
                        image = new Mat();
                        Imgproc.resize(frame.image(), image, new Size(640, 360));
                    }
                    assertTrue(Imgcodecs.imwrite(folder.resolve("frame-" + n + ".png").toString(), image));
                    if (n == POISON_SEQUENCE) {
                        image.release();
                    }
                }
            }
        }
        return "images:" + folder;
    }
}

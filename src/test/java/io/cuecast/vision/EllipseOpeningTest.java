package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cuecast.camera.OpenCvNatives;
import io.cuecast.vision.eval.Footage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * {@link EllipseOpening} must open exactly as OpenCV does with the ellipse itself, on the non-cloth
 * masks of real frames (../shared/data; without them the test skips) and for every odd size
 * {@link CueDetector} may ask for: a rectangle too short or too narrow would leave blobs, or take
 * pieces of a stick, that the ellipse does not.
 */
class EllipseOpeningTest {
    private static final Path DATA = Path.of("../shared/data");

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    @Test
    void opensRealMasksExactlyAsTheEllipseDoes() {
        List<Path> frames = List.of(DATA.resolve("padova/game2_clip1/frame_first.png"), DATA.resolve("bern/without_halo/1.png"));
        assumeTrue(frames.stream().allMatch(Files::exists), "real footage not found under " + DATA + ": skipped");
        for (Path frame : frames) {
            Mat image = Footage.read(frame);
            Mat mask = ClothModel.learn(image).orElseThrow().nonClothMask(image);
            Mat expected = new Mat();
            Mat opened = new Mat();
            for (int size = 5; size <= 31; size += 2) {
                Mat ellipse = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(size, size));
                Imgproc.morphologyEx(mask, expected, Imgproc.MORPH_OPEN, ellipse);
                EllipseOpening opening = new EllipseOpening(size);
                opening.apply(mask, opened);
                Core.compare(expected, opened, opened, Core.CMP_NE);
                assertEquals(0, Core.countNonZero(opened), frame + ", size " + size + ": pixels opened differently");
                assertTrue(Core.countNonZero(expected) > 1000, frame + ": the mask has blobs to keep");
                opening.release();
                ellipse.release();
            }
            image.release();
            mask.release();
            expected.release();
            opened.release();
        }
    }

    @Test
    void refusesAnEvenSizeWhoseRowsAreNotCentred() {
        assertThrows(IllegalArgumentException.class, () -> new EllipseOpening(14));
    }
}

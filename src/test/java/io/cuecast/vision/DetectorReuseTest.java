package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.eval.Footage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * The detectors keep their images and pixel arrays from frame to frame (so as not to allocate a
 * frame's worth every frame): what one pipeline finds frame after frame must be what a fresh
 * pipeline finds in each frame alone, to the last digit, also when the frame size changes.
 * Real frames from ../shared/data; without them the test skips.
 */
class DetectorReuseTest {
    private static final Path DATA = Path.of("../shared/data");
    private static final List<Path> FRAMES = List.of(DATA.resolve("bern/without_halo/1.png"),
            DATA.resolve("bern/without_halo/3.png"), DATA.resolve("padova/game2_clip1/frame_first.png"),
            DATA.resolve("bern/without_halo/1.png"));

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    @Test
    void aPipelineReusedFrameAfterFrameFindsWhatAFreshOneFinds() {
        assumeTrue(FRAMES.stream().allMatch(Files::exists), "real footage not found under " + DATA + ": skipped");
        VisionPipeline reused = new VisionPipeline(TableSpec.POOL_9FT, 1);
        int sequence = 0;
        for (Path file : FRAMES) {
            Mat image = Footage.read(file);
            Frame frame = new Frame(++sequence, 0, image);
            Detection fresh = new VisionPipeline(TableSpec.POOL_9FT, 1).detect(frame);
            Detection again = reused.detect(frame);
            assertEquals(fresh.balls(), again.balls(), file.toString());
            assertEquals(fresh.cue(), again.cue(), file.toString());
            image.release();
        }
    }
}

package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.vision.eval.Bern;
import io.cuecast.vision.eval.Footage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * Bern's labelled stills, only the balls that touch another (a labelled centre within 2.3 radii of
 * theirs): the packs against the cushions and in the corners, where a pack, its shadows and a
 * pocket's shade merge into one blob of not-cloth. Each is found within 5 px, or counted missed.
 */
class RealFootageBernPacksTest {
    private static final Path DIR = Path.of("../shared/data/bern/without_halo");
    private static final double TOUCHING_RADII = 2.3;

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    @Test
    void findsPackedBalls() throws Exception {
        assumeTrue(Files.isDirectory(DIR), "real footage " + DIR + " not found: skipped");
        List<Bern.LabelledFrame> frames = Bern.labelledFrames(DIR);
        assumeTrue(!frames.isEmpty(), "no bern frames found: skipped");
        int packed = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (Bern.LabelledFrame frame : frames) {
            Mat image = Footage.read(frame.file());
            try {
                Detection detection = new VisionPipeline(Bern.SNOOKER, 150).detect(new Frame(1, 0, image));
                double radius = detection.table().ballRadiusPx();
                for (Point label : frame.centres()) {
                    boolean touching = frame.centres().stream().anyMatch(other -> other != label
                            && Math.hypot(other.x - label.x, other.y - label.y) <= TOUCHING_RADII * radius);
                    if (!touching) {
                        continue;
                    }
                    packed++;
                    if (detection.balls().stream().anyMatch(b -> Math.hypot(b.px() - label.x, b.py() - label.y) <= Bern.LOOSE_PX)) {
                        found++;
                    } else {
                        missed.add(String.format(Locale.ROOT, "%s (%.0f, %.0f)", frame.name(), label.x, label.y));
                    }
                }
            } finally {
                image.release();
            }
        }
        String figures = String.format(Locale.ROOT, "bern packed balls found within %.0f px: %d/%d; missed %s",
                Bern.LOOSE_PX, found, packed, missed);
        System.out.println(figures);
        assertTrue(packed > 0, figures);
        // 71 of 115 before the lit not-cloth's peaks and the ring test before the spacing; 101 after. Still
        // missed: the green ball (the cloth's colour) of every frame, and dark balls merged with their shade.
        assertTrue(found >= 100, "floor 100 packed balls: " + figures);
    }
}

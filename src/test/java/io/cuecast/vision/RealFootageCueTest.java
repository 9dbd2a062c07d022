package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.VideoCaptureSource;
import io.cuecast.vision.eval.Bern;
import io.cuecast.vision.eval.FootageAnnotator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;

/**
 * The cue detector on real footage: Bern's overhead snooker rig, 1280x720, a player aiming and
 * striking with lines projected on the cloth (see ../shared/data/README.md; no labels). Prints how
 * often a cue was found, its angles, and the cue detector's own time per frame on one thread; draws
 * each frame into target/cue-footage/ for a person to check. Skips when the footage is absent.
 */
class RealFootageCueTest {
    /** CPU time, not wall-clock: the machine is shared, and a busy neighbour would inflate wall-clock figures. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Path VIDEO = Path.of("../shared/data/bern/video_cue_shot.avi");

    @Test
    void measuresTheCueOnBernsAimingClip() throws Exception {
        assumeTrue(Files.isRegularFile(VIDEO), "real footage " + VIDEO + " not found: skipped");
        VisionPipeline pipeline = new VisionPipeline(Bern.SNOOKER, 150);
        CueDetector timed = new CueDetector();
        Path pictures = Path.of("target/cue-footage");
        List<String> found = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        int frames = 0;
        int threads = Core.getNumThreads();
        Core.setNumThreads(1);
        try (VideoCaptureSource video = VideoCaptureSource.openFileOnItsTimeline(VIDEO.toString())) {
            for (Optional<Frame> grabbed = video.grab(); grabbed.isPresent(); grabbed = video.grab(), frames++) {
                try (Frame frame = grabbed.get()) {
                    Detection detection = pipeline.detect(frame);
                    CueDetection cue = detection.cue();
                    if (cue != null) {
                        found.add(String.format(Locale.ROOT, "%d: %.1f deg", frames, cue.angleDeg()));
                    }
                    if (detection.table() != null) {
                        ClothModel cloth = ClothModel.learn(frame.image()).orElseThrow();
                        long started = CPU.getCurrentThreadCpuTime();
                        timed.detect(frame.image(), detection.table(), cloth, detection.balls());
                        millis.add((CPU.getCurrentThreadCpuTime() - started) / 1e6);
                    }
                    new FootageAnnotator(frame.image()).table(detection.table()).cue(cue)
                            .caption("frame " + frames).writeTo(pictures.resolve(String.format("frame-%03d.png", frames)));
                }
            }
        } finally {
            Core.setNumThreads(threads);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String figures = String.format(Locale.ROOT, "cue found in %d of %d frames (frame: angle) %s;"
                + " cue detector alone, one thread, 1280x720, CPU time: median %.2f ms, p99 %.2f ms over %d frames",
                found.size(), frames, found, sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)], sorted.length);
        System.out.println("bern video_cue_shot: " + figures);
        // A floor just under today's figure (68 frames: the aim until the strike, and one frame after it): a
        // regression fails.
        assertTrue(found.size() >= 64, figures);
    }
}

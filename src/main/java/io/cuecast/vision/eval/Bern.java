package io.cuecast.vision.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.Detection;
import io.cuecast.vision.VisionPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * The Bern overhead-snooker benchmark (see ../shared/data/README.md): each labelled frame detected
 * by a fresh pipeline, its ball centres paired with the labels ({@link CentreScoring}).
 */
public final class Bern {
    /**
     * The rig's table as its thesis's tests configure it (test/billiard_detection/src/config.hpp in
     * LukasSeglias/billiard-ai): cloth inside the cushions 1881 x 943 mm, ball 52.3 mm, pockets of
     * 50 mm radius.
     */
    public static final TableSpec SNOOKER = new TableSpec("bern-snooker", 1881, 943, 52.3, 100, 100);
    /** Their own tests fail a ball more than 3 mm off: 1.8 px at this rig's 0.59 px/mm. */
    public static final double STRICT_PX = 1.8;
    public static final double LOOSE_PX = 5.0;

    private Bern() {
    }

    /**
     * The figures of all frames.
     *
     * @param strict    pairs within {@link #STRICT_PX}
     * @param loose     pairs within {@link #LOOSE_PX}; the centre errors are taken from these
     * @param pxPerMm   the detected tables' mean scale, to turn pixel errors into millimetres
     */
    public record Result(int frames, int tablesFound, CentreScoring.Tally strict, CentreScoring.Tally loose,
                         double pxPerMm) {
        public double errorMm(double errorPx) {
            return errorPx / pxPerMm;
        }

        public String line() {
            return String.format(Locale.ROOT, "bern overhead snooker, %d frames, %d balls, %d detections:"
                    + " table found %d/%d; within %.1f px (their 3 mm): recall %s, precision %s; within %.0f px:"
                    + " recall %s, precision %s, centre error median %.2f px (%.2f mm), p95 %.2f px (%.2f mm),"
                    + " mean offset (%+.2f, %+.2f) px",
                    frames, loose.labels(), loose.detections(), tablesFound, frames,
                    STRICT_PX, Footage.percent(strict.recall()), Footage.percent(strict.precision()),
                    LOOSE_PX, Footage.percent(loose.recall()), Footage.percent(loose.precision()),
                    loose.medianError(), errorMm(loose.medianError()), loose.errorQuantile(0.95),
                    errorMm(loose.errorQuantile(0.95)), loose.meanOffset(0), loose.meanOffset(1));
        }
    }

    /** A labelled frame: its file (in the {@code without_halo} folder) and its balls' centres in pixels. */
    public record LabelledFrame(Path file, List<Point> centres) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    /** The frames of {@code dir} (the {@code without_halo} folder) its {@code testcases.json} labels, those that are there. */
    public static List<LabelledFrame> labelledFrames(Path dir) throws IOException {
        JsonNode cases = new ObjectMapper().readTree(dir.resolve("testcases.json").toFile()).path("cases");
        List<LabelledFrame> frames = new ArrayList<>();
        for (JsonNode testcase : cases) {
            // The JSON names each image by its path in the thesis's repository: keep the file name.
            Path file = dir.resolve(Path.of(testcase.path("image").asText()).getFileName().toString());
            if (Files.exists(file)) {
                List<Point> centres = new ArrayList<>();
                testcase.path("balls").forEach(b -> centres.add(new Point(b.path("pixelX").asDouble(), b.path("pixelY").asDouble())));
                frames.add(new LabelledFrame(file, centres));
            }
        }
        return frames;
    }

    /** Detects and scores the labelled frames of {@code dir}; empty when none of them is there. */
    public static Optional<Result> measure(Path dir, Optional<Path> pictures) throws IOException {
        List<CentreScoring.Pairing> strict = new ArrayList<>();
        List<CentreScoring.Pairing> loose = new ArrayList<>();
        int frames = 0;
        int tablesFound = 0;
        double scaleSum = 0;
        for (LabelledFrame labelled : labelledFrames(dir)) {
            String name = labelled.name();
            List<Point> labels = labelled.centres();
            Mat image = Footage.read(labelled.file());
            try {
                Detection detection = new VisionPipeline(SNOOKER, 150).detect(new Frame(1, 0, image));
                List<Point> centres = detection.balls().stream().map(b -> new Point(b.px(), b.py())).toList();
                strict.add(CentreScoring.pair(labels, centres, STRICT_PX));
                CentreScoring.Pairing pairing = CentreScoring.pair(labels, centres, LOOSE_PX);
                loose.add(pairing);
                frames++;
                if (detection.tableFound()) {
                    tablesFound++;
                    scaleSum += detection.table().ballRadiusPx() / SNOOKER.ballRadiusMm();
                }
                pictures.ifPresent(out -> draw(image, detection, labels, pairing, String.format(Locale.ROOT,
                        "bern %s: %d/%d balls within %.0f px, %d detections", name, pairing.offsets().size(),
                        labels.size(), LOOSE_PX, centres.size())).writeTo(out.resolve("bern-" + name)));
            } finally {
                image.release();
            }
        }
        if (frames == 0) {
            return Optional.empty();
        }
        return Optional.of(new Result(frames, tablesFound, CentreScoring.Tally.of(strict), CentreScoring.Tally.of(loose),
                tablesFound == 0 ? Double.NaN : scaleSum / tablesFound));
    }

    private static FootageAnnotator draw(Mat image, Detection detection, List<Point> labels,
                                         CentreScoring.Pairing pairing, String caption) {
        FootageAnnotator picture = new FootageAnnotator(image).table(detection.table());
        for (int l = 0; l < labels.size(); l++) {
            picture.labelCentre(labels.get(l), pairing.found()[l]);
        }
        for (int d = 0; d < detection.balls().size(); d++) {
            picture.detection(detection.balls().get(d), pairing.hit()[d]);
        }
        return picture.caption(caption);
    }
}

package io.cuecast.vision.eval;

import io.cuecast.camera.Frame;
import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.Detection;
import io.cuecast.vision.TableView;
import io.cuecast.vision.VisionPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The Padova broadcast-pool benchmark (see ../shared/data/README.md): the labelled first and last
 * frame of each clip, each detected by a fresh pipeline as a camera's first frame, scored as boxes
 * at IoU 0.5 ({@link BoxScoring}).
 */
public final class Padova {
    /**
     * The clips the data README calls true overhead; the rest are oblique broadcast views. In the
     * pictures only game1_clip1 looks straight down: game1_clip2 is seen from above one end.
     */
    public static final List<String> OVERHEAD_CLIPS = List.of("game1_clip1", "game1_clip2");
    private static final List<String> FRAMES = List.of("frame_first", "frame_last");
    private static final String[] CLASS_NAMES = {"none", "cue", "eight", "solid", "stripe"};

    private Padova() {
    }

    /** One scored frame. tableIou is NaN when the clip has no mask for the frame. */
    public record ScoredFrame(String clip, BoxScoring.Image scored, boolean tableFound, double tableIou) {
        public boolean overhead() {
            return OVERHEAD_CLIPS.contains(clip);
        }
    }

    /**
     * Detects and scores every labelled frame under {@code root} (one folder per clip).
     *
     * @param pictures where to draw each scored frame, or empty to draw nothing
     */
    public static List<ScoredFrame> measure(Path root, Optional<Path> pictures) throws IOException {
        List<ScoredFrame> frames = new ArrayList<>();
        for (Path clip : Footage.subdirectories(root)) {
            for (String name : FRAMES) {
                if (Files.exists(clip.resolve(name + ".png")) && Files.exists(clip.resolve(name + "_bbox.txt"))) {
                    frames.add(measure(clip, name, pictures));
                }
            }
        }
        return frames;
    }

    private static ScoredFrame measure(Path clip, String name, Optional<Path> pictures) throws IOException {
        Mat image = Footage.read(clip.resolve(name + ".png"));
        try {
            Detection detection = new VisionPipeline(TableSpec.POOL_9FT, 150).detect(new Frame(1, 0, image));
            List<BoxScoring.Labelled> truth = readBoxes(clip.resolve(name + "_bbox.txt"));
            List<BoxScoring.Scored> scored = detection.balls().stream()
                    .map(b -> new BoxScoring.Scored(BoxScoring.Box.around(b.px(), b.py(), b.radiusPx()),
                            classOf(b.type()), b.confidence()))
                    .toList();
            Path mask = clip.resolve("masks").resolve(name + ".png");
            double tableIou = Files.exists(mask) ? tableIou(mask, detection.table()) : Double.NaN;
            String clipName = clip.getFileName().toString();
            pictures.ifPresent(dir -> draw(image, detection, truth, scored, String.format(Locale.ROOT,
                    "%s %s: table IoU %.2f", clipName, name, tableIou))
                    .writeTo(dir.resolve("padova-" + clipName + "-" + name + ".png")));
            return new ScoredFrame(clipName, new BoxScoring.Image(truth, scored), detection.tableFound(), tableIou);
        } finally {
            image.release();
        }
    }

    private static FootageAnnotator draw(Mat image, Detection detection, List<BoxScoring.Labelled> truth,
                                         List<BoxScoring.Scored> scored, String caption) {
        BoxScoring.Matching matching = BoxScoring.match(truth, scored);
        FootageAnnotator picture = new FootageAnnotator(image).table(detection.table());
        for (int t = 0; t < truth.size(); t++) {
            picture.labelBox(truth.get(t).box(), matching.found()[t]);
        }
        for (int d = 0; d < scored.size(); d++) {
            picture.detection(detection.balls().get(d), matching.hit(d));
        }
        return picture.caption(String.format(Locale.ROOT, "%s; %d/%d labels found (IoU>=0.5, any class),"
                + " %d detections of radius %.1f px", caption, matching.hits(), truth.size(), scored.size(),
                detection.tableFound() ? detection.table().ballRadiusPx() : Double.NaN));
    }

    /** Label lines are {@code x y w h class}, top-left corner and size in pixels. */
    static List<BoxScoring.Labelled> readBoxes(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+"))
                .map(f -> new BoxScoring.Labelled(new BoxScoring.Box(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3])), Integer.parseInt(f[4])))
                .toList();
    }

    /** The benchmark's class numbers; 0 for a detection the classifier could not name (or a snooker colour). */
    static int classOf(BallType type) {
        return switch (type) {
            case CUE -> 1;
            case EIGHT -> 2;
            case SOLID -> 3;
            case STRIPE -> 4;
            default -> 0;
        };
    }

    /**
     * IoU of the table's corner polygon with the labelled playing field. The field is label 5 and
     * the balls on it (labels 1-4): the polygon is meant to cover the balls too, and the course's
     * field-only figure would charge each ball's pixels (about 1% of the field) as an error.
     */
    private static double tableIou(Path maskFile, TableView table) {
        Mat labels = Imgcodecs.imread(maskFile.toString(), Imgcodecs.IMREAD_GRAYSCALE);
        Mat field = new Mat();
        Mat polygon = Mat.zeros(labels.size(), CvType.CV_8UC1);
        Mat overlap = new Mat();
        try {
            Core.inRange(labels, new Scalar(1), new Scalar(5), field);
            if (table != null) {
                Imgproc.fillConvexPoly(polygon, new MatOfPoint(table.cornersPx()), new Scalar(255));
            }
            Core.bitwise_and(field, polygon, overlap);
            double intersection = Core.countNonZero(overlap);
            Core.bitwise_or(field, polygon, overlap);
            return intersection / Core.countNonZero(overlap);
        } finally {
            Stream.of(labels, field, polygon, overlap).forEach(Mat::release);
        }
    }

    /**
     * The box-detection figures of a group of frames. ap is indexed by class, 1-4. located counts
     * labels with a detection's centre inside their box, whatever its size: it tells a ball found
     * with the wrong radius (which IoU fails) from a ball not found at all. confusion[label][seen]
     * counts the balls matched at IoU 0.5 by the class they were given (0: none).
     */
    public record Summary(String name, int frames, double[] ap, int labels, int detections, int hits, int located,
                          int[][] confusion, int tablesFound, double tableIou) {

        public static Summary of(String name, List<ScoredFrame> all, Predicate<ScoredFrame> which) {
            List<ScoredFrame> frames = all.stream().filter(which).toList();
            List<BoxScoring.Image> images = frames.stream().map(ScoredFrame::scored).toList();
            double[] ap = IntStream.rangeClosed(0, 4)
                    .mapToDouble(c -> c == 0 ? Double.NaN : BoxScoring.averagePrecision(images, c)).toArray();
            int labels = 0;
            int detections = 0;
            int hits = 0;
            int located = 0;
            int[][] confusion = new int[5][5];
            for (BoxScoring.Image image : images) {
                BoxScoring.Matching matching = BoxScoring.match(image.truth(), image.detections());
                labels += image.truth().size();
                detections += image.detections().size();
                hits += matching.hits();
                for (int d = 0; d < image.detections().size(); d++) {
                    if (matching.hit(d)) {
                        confusion[image.truth().get(matching.labelOf()[d]).ballClass()][image.detections().get(d).ballClass()]++;
                    }
                }
                located += (int) image.truth().stream()
                        .filter(l -> image.detections().stream().anyMatch(d -> l.box().containsCentreOf(d.box()))).count();
            }
            return new Summary(name, frames.size(), ap, labels, detections, hits, located, confusion,
                    (int) frames.stream().filter(ScoredFrame::tableFound).count(),
                    frames.stream().mapToDouble(ScoredFrame::tableIou).filter(Double::isFinite).average().orElse(Double.NaN));
        }

        /** Mean AP over the classes the group has labels of. */
        public double map() {
            return Arrays.stream(ap).filter(Double::isFinite).average().orElse(Double.NaN);
        }

        /** AP of one class: 1 cue, 2 eight, 3 solid, 4 stripe; NaN when the group has none. */
        public double ap(int ballClass) {
            return ap[ballClass];
        }

        public double precision() {
            return detections == 0 ? 0 : (double) hits / detections;
        }

        public double recall() {
            return labels == 0 ? Double.NaN : (double) hits / labels;
        }

        /** How the matched balls were typed, e.g. "cue as cue 2 stripe 1; eight as ...". */
        public String typedAs() {
            StringBuilder seenAs = new StringBuilder();
            for (int label = 1; label <= 4; label++) {
                seenAs.append(label > 1 ? "; " : "").append(CLASS_NAMES[label]).append(" as");
                int before = seenAs.length();
                for (int seen = 0; seen <= 4; seen++) {
                    if (confusion[label][seen] > 0) {
                        seenAs.append(' ').append(CLASS_NAMES[seen]).append(' ').append(confusion[label][seen]);
                    }
                }
                seenAs.append(seenAs.length() == before ? " -" : "");
            }
            return seenAs.toString();
        }
    }
}

package io.cuecast.vision.eval;

import io.cuecast.LaunchOptions;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.table.TableSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.opencv.core.Mat;

/**
 * The {@code bench-vision} command: detection quality on the real, labelled footage in
 * ../shared/data (Padova and Bern) and detection speed at three frame sizes, printed as Markdown
 * tables for bench/RESULTS.md.
 */
public final class VisionBench {
    public static final String USAGE = """
            usage: java -jar cuecast.jar bench-vision [DATA_DIR] [--annotate DIR] [--repeats N]
              DATA_DIR        the real footage (default ../shared/data; see its README.md)
              --annotate DIR  also draw every scored frame, labels and detections, into DIR
              --repeats N     timed detections per frame and size (default 10)""";
    private static final int[][] SIZES = {{1024, 576}, {1280, 720}, {1920, 1080}};

    private final Path data;
    private final Optional<Path> pictures;
    private final int repeats;

    public VisionBench(Path data, Optional<Path> pictures, int repeats) {
        this.data = data;
        this.pictures = pictures;
        this.repeats = repeats;
    }

    /** Parses the arguments after {@code bench-vision}; IllegalArgumentException on a bad one. */
    public static VisionBench fromArgs(String... args) {
        Path data = Path.of("../shared/data");
        Optional<Path> pictures = Optional.empty();
        int repeats = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--annotate" -> pictures = Optional.of(Path.of(LaunchOptions.valueAfter(args, i++)));
                case "--repeats" -> repeats = positive(LaunchOptions.valueAfter(args, i++));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                    }
                    data = Path.of(args[i]);
                }
            }
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("footage folder '" + data + "' does not exist");
        }
        return new VisionBench(data, pictures, repeats);
    }

    /** Runs everything and prints the tables; the datasets missing under the folder are said so. */
    public void run(PrintStream out) throws IOException {
        OpenCvNatives.load();
        out.println("# bench-vision on " + data.toAbsolutePath().normalize());
        padova(out);
        bern(out);
        speed(out);
    }

    private void padova(PrintStream out) throws IOException {
        Path root = data.resolve("padova");
        List<Padova.ScoredFrame> frames = Files.isDirectory(root) ? Padova.measure(root, pictures) : List.of();
        out.println();
        if (frames.isEmpty()) {
            out.println("padova: no labelled frames under " + root);
            return;
        }
        out.println("## padova (mAP@0.5; a detection's box is its centre +- radius)");
        out.println();
        out.println("| Group | Frames | mAP@0.5 | AP cue | AP eight | AP solid | AP stripe | Precision | Recall"
                + " | Labels | Detections | Table IoU |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Padova.Summary> rows = new ArrayList<>(List.of(
                Padova.Summary.of("overhead (game1)", frames, Padova.ScoredFrame::overhead),
                Padova.Summary.of("oblique (game2-4)", frames, f -> !f.overhead()),
                Padova.Summary.of("all", frames, f -> true)));
        frames.stream().map(Padova.ScoredFrame::clip).distinct()
                .forEach(clip -> rows.add(Padova.Summary.of(clip, frames, f -> f.clip().equals(clip))));
        for (Padova.Summary s : rows) {
            out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %d | %d | %.2f |%n", s.name(), s.frames(),
                    Footage.percent(s.map()), Footage.percent(s.ap(1)), Footage.percent(s.ap(2)),
                    Footage.percent(s.ap(3)), Footage.percent(s.ap(4)), Footage.percent(s.precision()),
                    Footage.percent(s.recall()), s.labels(), s.detections(), s.tableIou());
        }
        out.println();
        out.println("Matched balls typed as (all clips): " + rows.get(2).typedAs());
    }

    private void bern(PrintStream out) throws IOException {
        Path dir = data.resolve("bern/without_halo");
        Optional<Bern.Result> result = Files.isRegularFile(dir.resolve("testcases.json"))
                ? Bern.measure(dir, pictures) : Optional.empty();
        out.println();
        if (result.isEmpty()) {
            out.println("bern: no labelled frames under " + dir);
            return;
        }
        Bern.Result r = result.get();
        out.printf(Locale.ROOT, "## bern (%d frames, %d balls, %d detections, table found %d/%d)%n%n", r.frames(),
                r.loose().labels(), r.loose().detections(), r.tablesFound(), r.frames());
        out.println("| Gate | Recall | Precision | Median error | p95 error |");
        out.println("|---|---|---|---|---|");
        for (CentreScoring.Tally t : List.of(r.strict(), r.loose())) {
            double gate = t == r.strict() ? Bern.STRICT_PX : Bern.LOOSE_PX;
            out.printf(Locale.ROOT, "| %.1f px (%.1f mm) | %s | %s | %.2f px (%.2f mm) | %.2f px (%.2f mm) |%n", gate,
                    r.errorMm(gate), Footage.percent(t.recall()), Footage.percent(t.precision()), t.medianError(),
                    r.errorMm(t.medianError()), t.errorQuantile(0.95), r.errorMm(t.errorQuantile(0.95)));
        }
        out.printf(Locale.ROOT, "%nMean offset, detection minus label, within %.0f px: (%+.2f, %+.2f) px%n",
                Bern.LOOSE_PX, r.loose().meanOffset(0), r.loose().meanOffset(1));
    }

    /** Speed on the Padova and Bern frames, each scaled to every size (aspect ratios kept: all are 16:9). */
    private void speed(PrintStream out) throws IOException {
        List<Mat> frames = new ArrayList<>();
        for (Path file : speedFrames()) {
            frames.add(Footage.read(file));
        }
        out.println();
        if (frames.isEmpty()) {
            out.println("speed: no frames to time under " + data);
            return;
        }
        out.printf(Locale.ROOT, "## speed (%d real frames, %d timed detections each, OpenCV on one thread;"
                + " wall clock, which a busy machine inflates, and the thread's CPU time)%n%n", frames.size(), repeats);
        out.println("| Frame size | Median ms | p99 ms | CPU median ms | CPU p99 ms |");
        out.println("|---|---|---|---|---|");
        try {
            for (int[] size : SIZES) {
                Speed.Result r = Speed.measure(frames, TableSpec.POOL_9FT, size[0], size[1], repeats);
                out.printf(Locale.ROOT, "| %dx%d | %.2f | %.2f | %.2f | %.2f |%n", r.width(), r.height(), r.medianMs(),
                        r.p99Ms(), r.cpuMedianMs(), r.cpuP99Ms());
            }
        } finally {
            frames.forEach(Mat::release);
        }
    }

    private List<Path> speedFrames() throws IOException {
        List<Path> files = new ArrayList<>();
        Path padova = data.resolve("padova");
        if (Files.isDirectory(padova)) {
            for (Path clip : Footage.subdirectories(padova)) {
                Stream.of("frame_first.png", "frame_last.png").map(clip::resolve).filter(Files::exists).forEach(files::add);
            }
        }
        Path bern = data.resolve("bern/without_halo");
        if (Files.isDirectory(bern)) {
            try (Stream<Path> pngs = Files.list(bern)) {
                pngs.filter(p -> p.toString().endsWith(".png")).sorted().forEach(files::add);
            }
        }
        return files;
    }


    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("--repeats must be a whole number of at least 1, not '" + value + "'");
    }
}

package io.cuecast.camera.lens;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuecast.LaunchOptions;
import io.cuecast.camera.ImageFiles;
import io.cuecast.camera.OpenCvNatives;
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
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@code java -jar cuecast.jar calibrate-lens ...}: solves the lens from pictures of a ChArUco
 * board and writes the calibration file that {@code cuecast.camera.lens-calibration} takes. Exits 0
 * on success, 1 when the images cannot be read or do not show the board enough, 2 on a bad command line.
 */
public final class CalibrateLensCommand {
    public static final String USAGE = """
            usage: java -jar cuecast.jar calibrate-lens --board COLSxROWS --square-mm MM --marker-mm MM
                                                        [--dictionary NAME] [--legacy-pattern]
                                                        [--output FILE] [--reference FILE] PATH...
              PATH               board pictures, or folders of them (png, jpg, bmp, tif), all of one size
              --board            squares across and down, e.g. 6x8
              --square-mm        a chessboard square's side; --marker-mm: an ArUco marker's side
              --dictionary       the markers' ArUco dictionary (default DICT_4X4_50)
              --legacy-pattern   the board was drawn by OpenCV before 4.6
              --output FILE      write the calibration JSON there (default: stdout)
              --reference FILE   also compare with a known calibration (this format, or {"mtx", "dist"})""";

    record Options(CharucoBoardSpec board, List<Path> inputs, Optional<Path> output, Optional<Path> reference) {
    }

    private CalibrateLensCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        List<Path> images;
        try {
            options = parse(args);
            images = images(options.inputs());
        } catch (IllegalArgumentException e) {
            err.println("cuecast calibrate-lens: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        OpenCvNatives.load();
        LensCalibrator calibrator = new LensCalibrator(options.board());
        List<LensCalibrator.BoardView> views = new ArrayList<>();
        ObjectNode json;
        try {
            List<String> notFound = new ArrayList<>();
            for (Path file : images) {
                Mat image = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
                if (image.empty()) {
                    err.println("cuecast calibrate-lens: cannot read image '" + file + "'");
                    return 1;
                }
                Optional<LensCalibrator.BoardView> view = calibrator.find(file.toString(), image);
                image.release();
                view.ifPresentOrElse(views::add, () -> notFound.add(file.toString()));
                err.println(file + ": " + view.map(v -> v.corners() + " corners").orElse("board not found (fewer than "
                        + LensCalibrator.MIN_CORNERS + " corners), skipped"));
            }
            LensCalibrator.Result result = LensCalibrator.calibrate(views);
            json = describe(result, options, notFound);
            err.println("solved " + result.calibration());
            if (options.reference().isPresent()) {
                LensComparison comparison = LensComparison.of(result.calibration(), LensComparison.readReference(
                        options.reference().get(), result.calibration().width(), result.calibration().height()));
                err.println(comparison.describe());
                json.set("reference_comparison", comparisonJson(comparison, options.reference().get()));
            }
        } catch (IllegalArgumentException e) {
            // too few pictures show the board, their sizes differ, or the reference is unusable
            err.println("cuecast calibrate-lens: " + e.getMessage());
            return 1;
        } finally {
            views.forEach(v -> {
                v.imagePoints().release();
                v.boardPoints().release();
            });
        }
        return write(LensCalibration.format(json), options.output(), out, err);
    }

    static Options parse(String[] args) {
        String grid = null;
        Double square = null;
        Double marker = null;
        String dictionary = "DICT_4X4_50";
        boolean legacy = false;
        Optional<Path> output = Optional.empty();
        Optional<Path> reference = Optional.empty();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--board" -> grid = LaunchOptions.valueAfter(args, i++);
                case "--square-mm" -> square = millimetres(args[i], LaunchOptions.valueAfter(args, i++));
                case "--marker-mm" -> marker = millimetres(args[i], LaunchOptions.valueAfter(args, i++));
                case "--dictionary" -> dictionary = LaunchOptions.valueAfter(args, i++);
                case "--legacy-pattern" -> legacy = true;
                case "--output" -> output = Optional.of(Path.of(LaunchOptions.valueAfter(args, i++)));
                case "--reference" -> reference = Optional.of(Path.of(LaunchOptions.valueAfter(args, i++)));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                    }
                    inputs.add(Path.of(args[i]));
                }
            }
        }
        if (grid == null || square == null || marker == null) {
            throw new IllegalArgumentException("--board, --square-mm and --marker-mm are required");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no images given");
        }
        int[] squares = CharucoBoardSpec.parseGrid(grid);
        return new Options(new CharucoBoardSpec(squares[0], squares[1], square, marker, dictionary, legacy), inputs,
                output, reference);
    }

    private static double millimetres(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of millimetres, not '" + value + "'");
        }
    }

    /** The image files the inputs name: files as given, folders' images in name order. */
    static List<Path> images(List<Path> inputs) {
        List<Path> images = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> files = Files.list(input)) {
                    files.filter(ImageFiles::isImage).sorted().forEach(images::add);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot list folder '" + input + "': " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(input)) {
                images.add(input);
            } else {
                throw new IllegalArgumentException("'" + input + "' does not exist");
            }
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images (png, jpg, bmp, tif) in " + inputs);
        }
        return images;
    }

    private static ObjectNode describe(LensCalibrator.Result result, Options options, List<String> notFound) {
        ObjectNode json = result.calibration().toJson();
        CharucoBoardSpec board = options.board();
        json.putObject("board").put("columns", board.columns()).put("rows", board.rows())
                .put("square_mm", board.squareMm()).put("marker_mm", board.markerMm())
                .put("dictionary", board.dictionary()).put("legacy_pattern", board.legacyPattern());
        ArrayNode used = json.putArray("images");
        for (LensCalibrator.ViewFit fit : result.views()) {
            used.addObject().put("file", fit.name()).put("corners", fit.corners()).put("rms_px", fit.rmsPx());
        }
        ArrayNode skipped = json.putArray("board_not_found");
        notFound.forEach(skipped::add);
        return json;
    }

    private static ObjectNode comparisonJson(LensComparison comparison, Path reference) {
        ObjectNode json = LensCalibration.emptyJson();
        json.put("reference", reference.toString()).put("fx_relative_error", comparison.fxError())
                .put("fy_relative_error", comparison.fyError()).put("cx_relative_error", comparison.cxError())
                .put("cy_relative_error", comparison.cyError());
        ArrayNode difference = json.putArray("distortion_difference");
        for (double d : comparison.distortionDifference()) {
            difference.add(d);
        }
        json.put("ray_gap_max_px", comparison.gapMaxPx()).put("ray_gap_rms_px", comparison.gapRmsPx())
                .put("ray_gap_image_share", comparison.gapCoverage());
        return json;
    }

    private static int write(String json, Optional<Path> output, PrintStream out, PrintStream err) {
        if (output.isEmpty()) {
            out.println(json);
            return 0;
        }
        try {
            Path parent = output.get().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(output.get(), json + System.lineSeparator());
        } catch (IOException e) {
            err.println("cuecast calibrate-lens: cannot write '" + output.get() + "': " + e);
            return 1;
        }
        err.println(String.format(Locale.ROOT, "wrote %s", output.get()));
        return 0;
    }
}

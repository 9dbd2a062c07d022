package io.cuecast.vision.detect;

import io.cuecast.camera.CameraException;
import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.VideoCaptureSource;
import io.cuecast.camera.lens.LensUndistorter;
import io.cuecast.config.ConfigException;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import io.cuecast.vision.VisionPipeline;
import io.cuecast.vision.eval.FootageAnnotator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@code java -jar cuecast.jar detect ...}: runs the vision pipeline over images, videos and folders
 * and prints one JSON object per frame (see {@link DetectionLine}). Each image is a scene of its
 * own, with a fresh pipeline; a video's frames share one, as a camera's do. Exits 0 when every
 * input was read, 1 when some could not be (each said on stderr; the others are still done), 2 on
 * a bad command line or table config.
 */
public final class DetectCommand {
    public static final String USAGE = """
            usage: java -jar cuecast.jar detect [--table-config FILE] [--annotate DIR] PATH...
              PATH                images (png, jpg, bmp, tif), MJPEG AVI videos, or folders of them
              --table-config FILE properties with cuecast.table.size, cuecast.vision.table-refresh-frames and
                                  cuecast.camera.lens-calibration (config/application.properties serves)
              --annotate DIR      also write each frame with its detections drawn into DIR""";

    private final DetectOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<LensUndistorter> undistorter;
    private final Set<String> written = new HashSet<>();

    private DetectCommand(DetectOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.undistorter = options.lens().map(LensUndistorter::new);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        DetectOptions options;
        List<DetectInputs.Input> inputs;
        try {
            options = DetectOptions.parse(args);
            inputs = DetectInputs.expand(options.inputs());
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("cuecast detect: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        OpenCvNatives.load();
        DetectCommand command = new DetectCommand(options, out, err);
        int unreadable = 0;
        for (DetectInputs.Input input : inputs) {
            unreadable += command.detect(input) ? 0 : 1;
        }
        command.undistorter.ifPresent(LensUndistorter::close);
        if (unreadable > 0) {
            err.println("cuecast detect: " + unreadable + " of " + inputs.size() + " inputs could not be read");
            return 1;
        }
        return 0;
    }

    /** Detects on every frame of one input; false when it cannot be read. */
    private boolean detect(DetectInputs.Input input) {
        VisionPipeline pipeline = new VisionPipeline(options.table(), options.tableRefreshFrames());
        String source = input.path().toString();
        if (!input.video()) {
            Mat image = Imgcodecs.imread(source, Imgcodecs.IMREAD_COLOR);
            if (image.empty()) {
                err.println("cuecast detect: cannot read image '" + source + "': unreadable or not an image");
                return false;
            }
            detect(pipeline, input, 0, image);
            return true;
        }
        try (VideoCaptureSource video = VideoCaptureSource.openFile(source, false, 0)) {
            long frame = 0;
            for (Optional<Frame> grabbed = video.grab(); grabbed.isPresent(); grabbed = video.grab()) {
                detect(pipeline, input, frame++, grabbed.get().image());
            }
            if (frame == 0) {
                err.println("cuecast detect: video '" + source + "' has no frames");
                return false;
            }
            return true;
        } catch (CameraException e) {
            err.println("cuecast detect: " + e.getMessage());
            return false;
        }
    }

    /** One frame: detect, print, draw; frees {@code image}. */
    private void detect(VisionPipeline pipeline, DetectInputs.Input input, long index, Mat image) {
        String source = input.path().toString();
        long started = System.nanoTime();
        Mat straight = undistorter.map(u -> u.undistort(image)).orElse(image);
        if (straight != image) {
            image.release();
        }
        try (Frame frame = new Frame(index + 1, System.currentTimeMillis() * 1000, straight)) {
            Detection detection = pipeline.detect(frame);
            double elapsedMs = (System.nanoTime() - started) / 1e6;
            out.println(DetectionLine.of(source, index, frame.width(), frame.height(), elapsedMs, detection));
            options.annotateDir().ifPresent(dir -> annotate(dir, input, index, straight, detection));
        }
    }

    private void annotate(Path dir, DetectInputs.Input input, long index, Mat image, Detection detection) {
        FootageAnnotator picture = new FootageAnnotator(image).table(detection.table()).cue(detection.cue());
        for (BallDetection ball : detection.balls()) {
            picture.detection(ball);
        }
        picture.caption(String.format(Locale.ROOT, "%s frame %d: %d balls%s%s", input.path().getFileName(), index,
                detection.balls().size(), detection.cue() == null ? "" : ", cue",
                detection.table() == null ? ", no table found" : ""));
        picture.writeTo(dir.resolve(pictureName(input, index)));
    }

    /** The picture's file name: the input's, with the frame number for a video; never one used before. */
    private String pictureName(DetectInputs.Input input, long index) {
        String name = input.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String base = input.video() ? String.format(Locale.ROOT, "%s-%06d", stem, index) : stem;
        String extension = input.video() ? ".jpg" : ".png";
        String candidate = base + extension;
        for (int n = 2; !written.add(candidate); n++) {
            candidate = base + "-" + n + extension;
        }
        return candidate;
    }
}

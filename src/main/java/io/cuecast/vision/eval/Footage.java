package io.cuecast.vision.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** Reading the real-footage folders, and formatting their figures. */
public final class Footage {
    private Footage() {
    }

    static List<Path> subdirectories(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    public static Mat read(Path file) {
        Mat image = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            throw new IllegalStateException("cannot read image " + file);
        }
        return image;
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : "n/a";
    }
}

package io.cuecast.vision.detect;

import io.cuecast.camera.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the command line's paths hold: image and video files, a folder's in name order. */
final class DetectInputs {
    private static final String VIDEO_NAME = "(?i).*\\.(avi|mjpe?g)$";

    /** One file to detect on. */
    record Input(Path path, boolean video) {
    }

    private DetectInputs() {
    }

    /**
     * The files the paths name. A named file that is not an image is taken for a video; in a folder
     * only images and AVI/MJPEG files are taken.
     *
     * @throws IllegalArgumentException for a path that does not exist or a folder with nothing to read
     */
    static List<Input> expand(List<Path> paths) {
        List<Input> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Input> inFolder = folder(path);
                if (inFolder.isEmpty()) {
                    throw new IllegalArgumentException("folder '" + path + "' holds no images or AVI videos");
                }
                inputs.addAll(inFolder);
            } else if (Files.exists(path)) {
                inputs.add(new Input(path, !ImageFiles.isImage(path)));
            } else {
                throw new IllegalArgumentException("'" + path + "' does not exist");
            }
        }
        return inputs;
    }

    private static List<Input> folder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> ImageFiles.isImage(p) || p.getFileName().toString().matches(VIDEO_NAME))
                    .sorted().map(p -> new Input(p, !ImageFiles.isImage(p))).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list folder '" + folder + "': " + e.getMessage(), e);
        }
    }
}

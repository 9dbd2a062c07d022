package io.cuecast.camera;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Still images played as a video, in file-name order: a folder ({@code /data/shots}) or a glob
 * ({@code /data/shots/*.png}).
 */
public final class ImageFolderSource extends NamedFrameSource {
    private final List<Path> images;
    private final boolean loop;
    private final AtomicLong sequence = new AtomicLong();
    private int next;

    private ImageFolderSource(List<Path> images, String description, boolean loop, double fps) {
        super(description, fps);
        this.images = images;
        this.loop = loop;
    }

    public static ImageFolderSource open(String folderOrGlob, boolean loop, double fps) {
        OpenCvNatives.load();
        Path given = Path.of(folderOrGlob);
        boolean isGlob = folderOrGlob.matches(".*[*?\\[{].*");
        Path folder = isGlob ? given.getParent() : given;
        String pattern = isGlob ? given.getFileName().toString() : "*.{png,jpg,jpeg,bmp,tif,tiff}";
        if (folder == null || !Files.isDirectory(folder)) {
            throw new CameraException("image folder '" + folderOrGlob + "' does not exist");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toLowerCase());
        List<Path> images;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(p -> matcher.matches(Path.of(p.getFileName().toString().toLowerCase())))
                    .sorted().toList();
        } catch (IOException e) {
            throw new CameraException("cannot list image folder '" + folder + "': " + e.getMessage(), e);
        }
        if (images.isEmpty()) {
            throw new CameraException("no images match '" + folderOrGlob + "'");
        }
        return new ImageFolderSource(images, images.size() + " images from " + folderOrGlob, loop, fps);
    }

    /**
     * The next image. An unreadable file is reported and skipped: the next grab moves past it.
     */
    @Override
    public synchronized Optional<Frame> grab() {
        if (next >= images.size()) {
            if (!loop) {
                return Optional.empty();
            }
            next = 0;
        }
        Path path = images.get(next++);
        Mat image = Imgcodecs.imread(path.toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            image.release();
            throw new CameraException("cannot decode image '" + path + "'");
        }
        return Optional.of(new Frame(sequence.incrementAndGet(), Clocks.epochMicros(), image));
    }

    @Override
    public void close() {
        // nothing is held open between grabs
    }
}

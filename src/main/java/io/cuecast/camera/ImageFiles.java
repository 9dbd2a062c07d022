package io.cuecast.camera;

import java.nio.file.Path;

/** Which files the commands take for pictures: the formats OpenCV reads here, by their ending. */
public final class ImageFiles {
    private static final String IMAGE_NAME = "(?i).*\\.(png|jpe?g|bmp|tiff?)$";

    private ImageFiles() {
    }

    public static boolean isImage(Path file) {
        return file.getFileName().toString().matches(IMAGE_NAME);
    }
}

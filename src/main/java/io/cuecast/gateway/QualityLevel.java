package io.cuecast.gateway;

import java.util.regex.Pattern;

/**
 * One size and JPEG quality the frame stream is encoded at; a client picks one with the
 * {@code quality_level} filter.
 *
 * @param name        what clients ask for, e.g. {@code low}
 * @param maxWidth    frames wider than this are scaled down to it, keeping the aspect ratio; 0 keeps
 *                    the camera's size
 * @param jpegQuality 1-100
 */
public record QualityLevel(String name, int maxWidth, int jpegQuality) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public QualityLevel {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a quality level's name must be lower-case letters, digits, '-' or '_'"
                    + " (starting with a letter, at most 32), but it is '" + name + "'");
        }
        if (maxWidth < 0) {
            throw new IllegalArgumentException("quality level " + name + ": the width must be 0 (the camera's) or more, but it is "
                    + maxWidth);
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("quality level " + name + ": the JPEG quality must be 1-100, but it is "
                    + jpegQuality);
        }
    }

    /** The width a frame of {@code sourceWidth} pixels is sent at. */
    public int widthFor(int sourceWidth) {
        return maxWidth == 0 ? sourceWidth : Math.min(sourceWidth, maxWidth);
    }
}

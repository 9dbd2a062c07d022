package io.cuecast.camera;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to run ffmpeg for a camera source.
 *
 * @param ffmpeg       the ffmpeg program, a name looked up on {@code searchPath} or a path
 * @param ffprobe      the ffprobe program, which finds the video's size when none is set
 * @param width        the size ffmpeg scales frames to; 0 (with height 0) keeps the video's own
 * @param height       see width
 * @param inputOptions ffmpeg options placed before the input, e.g. {@code -rtsp_transport tcp}
 * @param searchPath   the folders a program name is looked up in, PATH-style
 */
public record FfmpegOptions(String ffmpeg, String ffprobe, int width, int height, List<String> inputOptions,
                            String searchPath) {
    public static final String FFMPEG_KEY = "cuecast.camera.ffmpeg.path";
    public static final String FFPROBE_KEY = "cuecast.camera.ffprobe.path";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    public FfmpegOptions {
        inputOptions = List.copyOf(inputOptions);
    }

    /** Whether frames are scaled to a set size, so that the video's own size need not be probed. */
    public boolean scales() {
        return width > 0;
    }

    /**
     * {@code WIDTHxHEIGHT}, or empty for the video's own size: {width, height}, {0, 0} when empty.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static int[] parseSize(String size) {
        if (size.isBlank()) {
            return new int[] {0, 0};
        }
        Matcher matcher = SIZE.matcher(size.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be WIDTHxHEIGHT, like 1280x720, or empty for the video's own size");
        }
        int width = Integer.parseInt(matcher.group(1));
        int height = Integer.parseInt(matcher.group(2));
        if (width < 16 || width > 7680 || height < 16 || height > 4320) {
            throw new IllegalArgumentException("must be from 16x16 to 7680x4320");
        }
        return new int[] {width, height};
    }

    /** ffmpeg options separated by spaces; none when blank. */
    public static List<String> parseOptions(String options) {
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }
}

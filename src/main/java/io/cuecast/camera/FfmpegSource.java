package io.cuecast.camera;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Any video ffmpeg can read (RTSP, MP4, MKV, ...), through an {@code ffmpeg} subprocess that writes
 * raw BGR frames to its standard output. This OpenCV build has no FFmpeg of its own, so this is how
 * codecs other than MJPEG come in. The frame size is set in config or found with {@code ffprobe}.
 * A file plays at its own frame rate ({@code -re}) and may loop; a URL is live, so its end is a
 * failure. Closing kills the subprocess.
 */
public final class FfmpegSource {
    private static final Pattern PROBED_SIZE = Pattern.compile("(\\d+)x(\\d+)x?");
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final long EXIT_WAIT_MS = 2_000;
    /**
     * ffprobe, and ffmpeg before its first frame, read up to 5 s of a live stream to learn it, and
     * start slowly on a busy machine.
     */
    private static final long START_TIMEOUT_MS = 20_000;

    private FfmpegSource() {
    }

    /**
     * Starts ffmpeg on {@code input}, a file path or a URL.
     *
     * @throws CameraException when the file, ffmpeg or ffprobe is missing, or the video cannot be probed
     */
    public static FrameSource open(String input, boolean loop, double fps, long readTimeoutMs, FfmpegOptions options) {
        OpenCvNatives.load();
        boolean isFile = !URL.matcher(input).matches();
        String shown = CameraSources.withoutCredentials(input);
        if (isFile && !Files.isRegularFile(Path.of(input))) {
            throw new CameraException("video file '" + input + "' does not exist");
        }
        Path ffmpeg = ExternalProgram.locate(options.ffmpeg(), FfmpegOptions.FFMPEG_KEY, options.searchPath());
        int[] size = options.scales() ? new int[] {options.width(), options.height()}
                : probeSize(ExternalProgram.locate(options.ffprobe(), FfmpegOptions.FFPROBE_KEY, options.searchPath()),
                        input, shown, options.inputOptions(), Math.max(readTimeoutMs, START_TIMEOUT_MS));
        List<String> command = command(ffmpeg, input, isFile, loop, options);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new CameraException("cannot start " + ffmpeg + ": " + StreamedFrameSource.reason(e), e);
        }
        RawFrames frames = new RawFrames(process, size[0], size[1], !isFile || loop);
        String description = "video " + shown + " through ffmpeg" + (isFile && loop ? " (looping)" : "");
        return new StreamedFrameSource(frames, description, fps, Math.max(readTimeoutMs, START_TIMEOUT_MS),
                readTimeoutMs);
    }

    static List<String> command(Path ffmpeg, String input, boolean isFile, boolean loop, FfmpegOptions options) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin",
                "-loglevel", "error", "-noautorotate")); // unrotated, so frames have the size ffprobe reports
        if (isFile) {
            command.add("-re"); // a file plays in real time, as a camera would deliver it
            if (loop) {
                command.addAll(List.of("-stream_loop", "-1"));
            }
        }
        command.addAll(options.inputOptions());
        command.addAll(List.of("-i", input, "-an", "-sn", "-dn"));
        if (options.scales()) {
            command.addAll(List.of("-vf", "scale=" + options.width() + ":" + options.height()));
        }
        command.addAll(List.of("-pix_fmt", "bgr24", "-f", "rawvideo", "pipe:1"));
        return command;
    }

    private static int[] probeSize(Path ffprobe, String input, String shown, List<String> inputOptions, long timeoutMs) {
        List<String> command = new ArrayList<>(List.of(ffprobe.toString(), "-v", "error"));
        command.addAll(inputOptions);
        command.addAll(List.of("-select_streams", "v:0", "-show_entries", "stream=width,height",
                "-of", "csv=p=0:s=x", input));
        Path output = null;
        try {
            output = Files.createTempFile("cuecast-ffprobe", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CameraException("ffprobe had no answer about " + shown + " within " + timeoutMs + " ms");
            }
            String said = Files.readString(output, StandardCharsets.UTF_8).strip();
            Matcher size = PROBED_SIZE.matcher(said);
            if (process.exitValue() == 0 && size.matches()) {
                return new int[] {Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2))};
            }
            String why = said.isEmpty() ? "it has no video stream" : CameraSources.withoutCredentials(lastLine(said));
            throw new CameraException("ffprobe cannot read the video " + shown + ": " + why);
        } catch (IOException e) {
            throw new CameraException("cannot run " + ffprobe + ": " + StreamedFrameSource.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CameraException("interrupted while probing " + shown, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static String lastLine(String text) {
        return text.substring(text.lastIndexOf('\n') + 1).strip();
    }

    /** ffmpeg's standard output cut into frames of width x height x 3 bytes. */
    private static final class RawFrames implements FrameStream {
        private final Process process;
        private final InputStream pixels;
        private final ProcessErrorTail errors;
        private final int width;
        private final int height;
        private final byte[] buffer;
        private final boolean endIsFailure;

        RawFrames(Process process, int width, int height, boolean endIsFailure) {
            this.process = process;
            this.pixels = process.getInputStream();
            this.errors = new ProcessErrorTail(process.getErrorStream(), "ffmpeg-errors");
            this.width = width;
            this.height = height;
            this.buffer = new byte[width * height * 3];
            this.endIsFailure = endIsFailure;
        }

        @Override
        public Mat next() throws IOException {
            int read = pixels.readNBytes(buffer, 0, buffer.length);
            if (read == buffer.length) {
                Mat image = new Mat(height, width, CvType.CV_8UC3);
                image.put(0, 0, buffer);
                return image;
            }
            int exit = exitCode();
            if (exit != 0) {
                throw new IOException("ffmpeg exited with code " + exit + ": "
                        + CameraSources.withoutCredentials(errors.lastLines(EXIT_WAIT_MS)));
            }
            if (read > 0) {
                throw new EOFException("ffmpeg's output ended inside a frame (" + read + " of " + buffer.length
                        + " bytes)");
            }
            if (endIsFailure) {
                throw new EOFException("the video ended (ffmpeg exited)");
            }
            return null;
        }

        private int exitCode() throws IOException {
            try {
                if (process.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    return process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("ffmpeg closed its output but did not exit");
        }

        /** Asks ffmpeg to stop, then kills it if it has not within two seconds. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(EXIT_WAIT_MS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

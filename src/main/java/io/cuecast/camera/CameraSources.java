package io.cuecast.camera;

import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.table.TableSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opens the frame source that {@code cuecast.camera.source} names:
 * {@code simulator}, {@code device:N} or {@code device:/dev/videoN}, {@code file:PATH.avi} (MJPEG, read
 * by OpenCV), {@code file:PATH} of any other video (through ffmpeg), {@code images:FOLDER} or
 * {@code images:GLOB}, an {@code http://} or {@code https://} MJPEG URL, any other URL such as
 * {@code rtsp://} (through ffmpeg), or {@code ffmpeg:INPUT} to send anything through ffmpeg. A real
 * camera or file is opened lazily and reopened with back-off whenever it fails, so a missing device
 * never stops the application.
 */
public final class CameraSources {
    private static final long REOPEN_FIRST_MS = 500;
    private static final long REOPEN_MAX_MS = 30_000;

    private CameraSources() {
    }

    /**
     * @param physics what the simulator's balls obey when it is the camera: the prediction's, so
     *                that there is one physics
     */
    public static FrameSource open(Settings settings, TableSpec table, EventPhysicsSettings physics) {
        String source = settings.string("cuecast.camera.source", "simulator");
        double fps = settings.decimal("cuecast.camera.fps", 30, 0.1, 240);
        int width = settings.integer("cuecast.camera.width", 1280, 160, 7680);
        int height = settings.integer("cuecast.camera.height", 720, 120, 4320);
        boolean loop = settings.bool("cuecast.camera.loop", true);
        if (source.equals("simulator")) {
            long seed = settings.integer("cuecast.simulator.seed", 42, 0, Integer.MAX_VALUE);
            return new SimulatedCamera(SimulatorSettings.defaults()
                    .withSize(width, height).withFps(fps).withSeed(seed).withTable(table).withPhysics(physics));
        }
        Duration readTimeout = Duration.ofMillis(Math.round(1000
                * settings.decimal("cuecast.camera.read-timeout-seconds", 5, 0.1, 3600)));
        int colon = source.indexOf(':');
        String kind = colon < 0 ? "" : source.substring(0, colon).toLowerCase(Locale.ROOT);
        String target = source.substring(colon + 1);
        Supplier<FrameSource> opener = switch (kind) {
            case "device" -> () -> VideoCaptureSource.openDevice(target, width, height, fps);
            case "file" -> target.toLowerCase(Locale.ROOT).endsWith(".avi")
                    ? () -> VideoCaptureSource.openFile(target, loop, fps)
                    : throughFfmpeg(settings, target, loop, fps, readTimeout);
            case "images" -> () -> ImageFolderSource.open(target, loop, fps);
            case "http", "https" -> httpMjpeg(source, fps, readTimeout);
            case "ffmpeg" -> throughFfmpeg(settings, target, loop, fps, readTimeout);
            default -> {
                if (target.startsWith("//")) { // rtsp://, rtmp://, srt://, ...
                    yield throughFfmpeg(settings, source, loop, fps, readTimeout);
                }
                throw new ConfigException("config key 'cuecast.camera.source' is '" + withoutCredentials(source)
                        + "', but must be simulator, device:N, device:/dev/videoN, file:PATH, images:FOLDER_OR_GLOB,"
                        + " an http:// MJPEG URL, another URL such as rtsp://, or ffmpeg:INPUT");
            }
        };
        return new ReopeningFrameSource(opener, withoutCredentials(source), fps, REOPEN_FIRST_MS, REOPEN_MAX_MS,
                System::currentTimeMillis);
    }

    private static Supplier<FrameSource> httpMjpeg(String url, double fps, Duration readTimeout) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key 'cuecast.camera.source' is not a valid URL: " + e.getMessage(), e);
        }
        // One client for every reconnection; its connection pool and selector thread are reused. Plain
        // HTTP/1.1, as cameras speak it: no h2c upgrade request for a camera's small web server to trip on.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(readTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return () -> HttpMjpegSource.open(uri, client, readTimeout, fps);
    }

    private static Supplier<FrameSource> throughFfmpeg(Settings settings, String input, boolean loop, double fps,
                                                       Duration readTimeout) {
        int[] size = settings.parsed("cuecast.camera.ffmpeg.size", "", FfmpegOptions::parseSize);
        FfmpegOptions options = new FfmpegOptions(
                settings.string(FfmpegOptions.FFMPEG_KEY, "ffmpeg"),
                settings.string(FfmpegOptions.FFPROBE_KEY, "ffprobe"),
                size[0], size[1],
                settings.parsed("cuecast.camera.ffmpeg.input-options", "", FfmpegOptions::parseOptions),
                Objects.requireNonNullElse(System.getenv("PATH"), ""));
        return () -> FfmpegSource.open(input, loop, fps, readTimeout.toMillis(), options);
    }

    /** The source as it may be shown in health, alerts and logs: a URL's user and password hidden. */
    static String withoutCredentials(String source) {
        return source.replaceAll("(?<=://)[^/@\\s]+@", "***@");
    }
}

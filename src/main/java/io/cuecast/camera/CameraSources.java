package io.cuecast.camera;

import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.table.TableSpec;
import java.util.function.Supplier;

/**
 * Opens the frame source that {@code cuecast.camera.source} names:
 * {@code simulator}, {@code device:N} or {@code device:/dev/videoN}, {@code file:PATH.avi},
 * {@code images:FOLDER} or {@code images:GLOB}. A real camera or file is opened lazily and reopened
 * with back-off whenever it fails, so a missing device never stops the application.
 */
public final class CameraSources {
    private static final long REOPEN_FIRST_MS = 500;
    private static final long REOPEN_MAX_MS = 30_000;

    private CameraSources() {
    }

    public static FrameSource open(Settings settings, TableSpec table) {
        String source = settings.string("cuecast.camera.source", "simulator");
        double fps = settings.decimal("cuecast.camera.fps", 30, 0.1, 240);
        int width = settings.integer("cuecast.camera.width", 1280, 160, 7680);
        int height = settings.integer("cuecast.camera.height", 720, 120, 4320);
        boolean loop = settings.bool("cuecast.camera.loop", true);
        if (source.equals("simulator")) {
            long seed = settings.integer("cuecast.simulator.seed", 42, 0, Integer.MAX_VALUE);
            return new SimulatedCamera(SimulatorSettings.defaults()
                    .withSize(width, height).withFps(fps).withSeed(seed).withTable(table));
        }
        int colon = source.indexOf(':');
        String kind = colon < 0 ? "" : source.substring(0, colon);
        String target = source.substring(colon + 1);
        Supplier<FrameSource> opener = switch (kind) {
            case "device" -> () -> VideoCaptureSource.openDevice(target, width, height, fps);
            case "file" -> () -> VideoCaptureSource.openFile(target, loop, fps);
            case "images" -> () -> ImageFolderSource.open(target, loop, fps);
            default -> throw new ConfigException("config key 'cuecast.camera.source' is '" + source
                    + "', but must be simulator, device:N, device:/dev/videoN, file:PATH.avi or images:FOLDER_OR_GLOB"
                    + " (RTSP and MP4 sources through ffmpeg are not supported yet)");
        };
        return new ReopeningFrameSource(opener, source, fps, REOPEN_FIRST_MS, REOPEN_MAX_MS, System::currentTimeMillis);
    }
}

package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.table.TableSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** cuecast.camera.source picks the reader for each kind of camera, file and URL. */
class CameraSourcesTest {

    private static FrameSource open(String source, String... moreKeysAndValues) {
        Map<String, String> config = new HashMap<>(Map.of("cuecast.camera.source", source));
        for (int i = 0; i < moreKeysAndValues.length; i += 2) {
            config.put(moreKeysAndValues[i], moreKeysAndValues[i + 1]);
        }
        Settings settings = new Settings(key -> Optional.ofNullable(config.get(key)));
        TableSpec table = TableSpec.named("9ft-pool");
        // As the application does: the physics it predicts with.
        return CameraSources.open(settings, table, EventPhysicsSettings.fromSettings(settings, table));
    }

    /** Why the first grab failed: the message tells which reader the source went to. */
    private static String firstFailure(FrameSource source) {
        try (source) {
            return assertThrows(CameraException.class, source::grab).getMessage();
        }
    }

    @Test
    void anAviIsReadByOpenCvAndOtherFilesThroughFfmpeg() {
        assertTrue(firstFailure(open("file:/no/such/match.avi")).startsWith("cannot open video file '/no/such/match.avi'"));
        assertEquals("video file '/no/such/match.mp4' does not exist", firstFailure(open("file:/no/such/match.mp4")));
        assertEquals("video file '/no/such/match.avi' does not exist", firstFailure(open("ffmpeg:/no/such/match.avi")),
                "ffmpeg: sends even an AVI through ffmpeg");
    }

    @Test
    void anHttpUrlIsAnMjpegCameraAndOtherUrlsGoThroughFfmpeg() throws Exception {
        try (MjpegTestServer server = MjpegTestServer.streaming()) {
            FrameSource camera = open(server.url().toString());
            try (camera) {
                SourceGrabs.nextFrame(camera).close();
                assertTrue(((ReopeningFrameSource) camera).current().orElseThrow().description().startsWith("HTTP MJPEG camera"));
            }
        }
        assertTrue(firstFailure(open("rtsp://127.0.0.1:1/live", "cuecast.camera.ffmpeg.path", "/no/such/ffmpeg"))
                .startsWith("the program '/no/such/ffmpeg' set in cuecast.camera.ffmpeg.path does not exist"));
    }

    @Test
    void credentialsInAUrlNeverReachTheDescription() {
        try (FrameSource source = open("rtsp://admin:s3cret@127.0.0.1:1/live")) {
            assertEquals("rtsp://***@127.0.0.1:1/live", source.description());
        }
        try (FrameSource source = open("http://admin:s3cret@127.0.0.1:1/video")) {
            assertEquals("http://***@127.0.0.1:1/video", source.description());
            String failure = assertThrows(CameraException.class, source::grab).getMessage();
            assertTrue(failure.startsWith("cannot connect to http://***@127.0.0.1:1/video: ") && !failure.contains("s3cret"),
                    failure);
        }
    }

    @Test
    void badSourceSettingsAreRefusedAtStartWithTheKey() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> open("camera:front"));
        assertEquals("config key 'cuecast.camera.source' is 'camera:front', but must be simulator, device:N,"
                + " device:/dev/videoN, file:PATH, images:FOLDER_OR_GLOB, an http:// MJPEG URL, another URL such as"
                + " rtsp://, or ffmpeg:INPUT", unknown.getMessage());
        ConfigException size = assertThrows(ConfigException.class,
                () -> open("file:/x.mp4", "cuecast.camera.ffmpeg.size", "large"));
        assertEquals("config key 'cuecast.camera.ffmpeg.size' is 'large': must be WIDTHxHEIGHT, like 1280x720,"
                + " or empty for the video's own size", size.getMessage());
        ConfigException tooSmall = assertThrows(ConfigException.class,
                () -> open("file:/x.mp4", "cuecast.camera.ffmpeg.size", "8x8"));
        assertEquals("config key 'cuecast.camera.ffmpeg.size' is '8x8': must be from 16x16 to 7680x4320",
                tooSmall.getMessage());
        ConfigException timeout = assertThrows(ConfigException.class,
                () -> open("http://127.0.0.1:1/video", "cuecast.camera.read-timeout-seconds", "0"));
        assertTrue(timeout.getMessage().startsWith("config key 'cuecast.camera.read-timeout-seconds' is '0.0'"),
                timeout.getMessage());
        ConfigException badUrl = assertThrows(ConfigException.class, () -> open("http://bad host/video"));
        assertTrue(badUrl.getMessage().startsWith("config key 'cuecast.camera.source' is not a valid URL: "),
                badUrl.getMessage());
    }

    @Test
    void theSimulatorsBallsObeyTheConfiguredPhysicsAsThePredictionDoes() {
        try (FrameSource configured = open("simulator", "cuecast.physics.rolling-resistance", "0.03");
             FrameSource plain = open("simulator")) {
            assertEquals(0.03, ((SimulatedCamera) configured).settings().physics().rollingResistance());
            assertEquals(EventPhysicsSettings.defaultsFor(TableSpec.named("9ft-pool")),
                    ((SimulatedCamera) plain).settings().physics());
        }
        ConfigException outOfRange = assertThrows(ConfigException.class,
                () -> open("simulator", "cuecast.physics.rolling-resistance", "5"));
        assertTrue(outOfRange.getMessage().contains("cuecast.physics.rolling-resistance"), outOfRange.getMessage());
    }
}

package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cuecast.it.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/** The ffmpeg source reading a real MP4 that ffmpeg made from simulator frames. */
class FfmpegSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int FRAMES = MjpegTestServer.images().size() * 2;
    private static final String PATH = Objects.requireNonNullElse(System.getenv("PATH"), "");
    @TempDir
    static Path folder;
    private static Path video;

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    private static FfmpegOptions options() {
        return new FfmpegOptions("ffmpeg", "ffprobe", 0, 0, List.of(), PATH);
    }

    private static synchronized Path video() throws Exception {
        if (video == null) {
            video = InstalledFfmpeg.simulatedTableMp4(folder.resolve("table.mp4"), FRAMES);
        }
        return video;
    }

    @Test
    void readsTheFramesOfAnMp4InOrderAtTheirOwnSizeThenEnds() throws Exception {
        try (FrameSource source = FfmpegSource.open(video().toString(), false, 30, 500, options())) {
            assertEquals("video " + video() + " through ffmpeg", source.description());
            List<Mat> originals = MjpegTestServer.images();
            long lastSequence = 0;
            while (lastSequence < FRAMES) {
                try (Frame frame = SourceGrabs.nextFrame(source)) {
                    assertEquals(MjpegTestServer.WIDTH, frame.width(), "the size ffprobe found");
                    assertEquals(MjpegTestServer.HEIGHT, frame.height());
                    assertTrue(frame.sequence() > lastSequence, "frames come in order");
                    lastSequence = frame.sequence();
                    Mat original = originals.get((int) ((frame.sequence() - 1) % originals.size()));
                    double distance = SourceGrabs.distanceToNearest(frame.image(), List.of(original));
                    assertTrue(distance < 4, "frame " + frame.sequence() + " is the BGR image encoded, off by " + distance);
                }
            }
            assertEquals(FRAMES, lastSequence, "every frame of the file was read");
            // A file that does not loop has ended: no frame, and no failure even after the read timeout.
            Await.unchangedFor(() -> source.grab().isPresent(), Duration.ofSeconds(1), "the ended file's grabs");
        }
    }

    @Test
    void aLoopingFilePlaysAgainFromTheStart() throws Exception {
        try (FrameSource source = FfmpegSource.open(video().toString(), true, 30, 2000, options())) {
            assertEquals("video " + video() + " through ffmpeg (looping)", source.description());
            Frame later = Await.until(() -> source.grab().orElse(null), frame -> frame != null && frame.sequence() > FRAMES,
                    WAIT, "a frame from the second time through");
            later.close();
        }
    }

    @Test
    void aConfiguredSizeIsScaledByFfmpegWithoutProbing() throws Exception {
        FfmpegOptions scaled = new FfmpegOptions("ffmpeg", "/no/such/ffprobe", 160, 90, List.of(), PATH);
        try (FrameSource source = FfmpegSource.open(video().toString(), true, 30, 2000, scaled);
             Frame frame = SourceGrabs.nextFrame(source)) {
            assertEquals(160, frame.width());
            assertEquals(90, frame.height());
        }
    }

    @Test
    void aUrlIsLiveSoItsEndIsAFailure() throws Exception {
        byte[] mp4 = Files.readAllBytes(video());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/table.mp4", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "video/mp4");
                exchange.sendResponseHeaders(200, mp4.length);
                exchange.getResponseBody().write(mp4);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/table.mp4";
        try (FrameSource source = FfmpegSource.open(url, true, 30, 2000, options())) {
            assertEquals("video " + url + " through ffmpeg", source.description(), "a URL never loops");
            String failure = SourceGrabs.nextFailure(source);
            assertEquals("video " + url + " through ffmpeg: the video ended (ffmpeg exited)", failure);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void closingTheSourceKillsFfmpeg() throws Exception {
        FrameSource source = FfmpegSource.open(video().toString(), true, 30, 2000, options());
        SourceGrabs.nextFrame(source).close();
        assertEquals(1, InstalledFfmpeg.runningFfmpegs().size(), "one ffmpeg runs for the source");
        source.close();
        Await.until(InstalledFfmpeg::runningFfmpegs, List::isEmpty, WAIT, "ffmpeg to be gone after close");
    }

    @Test
    void aFileFfmpegCannotReadIsReportedWithItsReason() throws Exception {
        InstalledFfmpeg.require();
        Path notVideo = Files.writeString(folder.resolve("notes.mp4"), "these are not frames");
        CameraException probed = assertThrows(CameraException.class,
                () -> FfmpegSource.open(notVideo.toString(), false, 30, 5000, options()));
        assertTrue(probed.getMessage().startsWith("ffprobe cannot read the video " + notVideo + ": ")
                && probed.getMessage().contains("Invalid data found"), probed.getMessage());

        FfmpegOptions scaled = new FfmpegOptions("ffmpeg", "ffprobe", 160, 90, List.of(), PATH);
        try (FrameSource source = FfmpegSource.open(notVideo.toString(), false, 30, 5000, scaled)) {
            String failure = SourceGrabs.nextFailure(source);
            assertTrue(failure.startsWith("video " + notVideo + " through ffmpeg: ffmpeg exited with code ")
                    && failure.contains("Invalid data found"), failure);
        }
    }

    @Test
    void aMissingFfprobeIsNamedWhenTheSizeMustBeProbed(@TempDir Path bin) throws Exception {
        video();
        Path ffmpeg = ExternalProgram.locate("ffmpeg", FfmpegOptions.FFMPEG_KEY, PATH);
        Files.createSymbolicLink(bin.resolve("ffmpeg"), ffmpeg);
        CameraException missing = assertThrows(CameraException.class, () -> FfmpegSource.open(video().toString(), false,
                30, 2000, new FfmpegOptions("ffmpeg", "ffprobe", 0, 0, List.of(), bin.toString())));
        assertTrue(missing.getMessage().startsWith("this camera source needs the program 'ffprobe', which is not installed"),
                missing.getMessage());
        assertTrue(missing.getMessage().endsWith("or set cuecast.camera.ffprobe.path to where it is"), missing.getMessage());
    }

    // The cases below need no ffmpeg: they are about its absence.

    @Test
    void withoutFfmpegOnThePathTheErrorNamesTheMissingProgram(@TempDir Path emptyBin) throws Exception {
        Path file = Files.writeString(folder.resolve("any.mkv"), "");
        CameraException missing = assertThrows(CameraException.class, () -> FfmpegSource.open(file.toString(), false, 30,
                2000, new FfmpegOptions("ffmpeg", "ffprobe", 0, 0, List.of(), emptyBin.toString())));
        assertEquals("this camera source needs the program 'ffmpeg', which is not installed (not found on PATH):"
                + " install ffmpeg (Debian: apt-get install ffmpeg) or set cuecast.camera.ffmpeg.path to where it is",
                missing.getMessage());
        assertEquals(List.of(), InstalledFfmpeg.runningFfmpegs());
    }

    @Test
    void aConfiguredFfmpegThatIsNotThereIsNamed() throws Exception {
        Path file = Files.writeString(folder.resolve("any.mp4"), "");
        CameraException missing = assertThrows(CameraException.class, () -> FfmpegSource.open(file.toString(), false, 30,
                2000, new FfmpegOptions("/no/such/bin/ffmpeg", "ffprobe", 0, 0, List.of(), PATH)));
        assertEquals("the program '/no/such/bin/ffmpeg' set in cuecast.camera.ffmpeg.path does not exist or is not"
                + " executable", missing.getMessage());
    }

    @Test
    void aMissingVideoFileSaysSoBeforeAnythingIsRun() {
        CameraException missing = assertThrows(CameraException.class,
                () -> FfmpegSource.open("/no/such/match.mp4", false, 30, 2000, options()));
        assertEquals("video file '/no/such/match.mp4' does not exist", missing.getMessage());
    }

    @Test
    void theCommandPacesAndLoopsFilesButNotUrlsAndScalesOnlyWhenASizeIsSet() {
        FfmpegOptions tcp = new FfmpegOptions("ffmpeg", "ffprobe", 640, 360, List.of("-rtsp_transport", "tcp"), PATH);
        assertEquals(List.of("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-noautorotate",
                "-rtsp_transport", "tcp", "-i", "rtsp://cam/live", "-an", "-sn", "-dn", "-vf", "scale=640:360",
                "-pix_fmt", "bgr24", "-f", "rawvideo", "pipe:1"),
                FfmpegSource.command(Path.of("/usr/bin/ffmpeg"), "rtsp://cam/live", false, true, tcp));
        List<String> file = new ArrayList<>(FfmpegSource.command(Path.of("ffmpeg"), "a.mp4", true, true, options()));
        assertEquals(List.of("-re", "-stream_loop", "-1", "-i", "a.mp4"), file.subList(6, 11));
        assertTrue(!file.contains("-vf"), "the video's own size: " + file);
    }
}

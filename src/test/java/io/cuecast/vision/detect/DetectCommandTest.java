package io.cuecast.vision.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.lens.LensCalibration;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.camera.sim.GroundTruthCue;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.table.TableSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.videoio.VideoWriter;

/**
 * The detect command through its entry point, on simulator frames written to disk as a user's
 * pictures and video would be, its JSON judged against the simulator's ground truth.
 */
class DetectCommandTest {
    /** A ball counts as found when a detection's centre is this close to the truth. */
    private static final double MATCH_PX = 3.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    private int detect(String... args) {
        return DetectCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void picturesOfTheSimulatedTableGiveItsBallsAsJson() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Map<String, GroundTruthFrame> truths = writeSimulatedFrames(pictures, 5, 40);
        Path annotated = dir.resolve("annotated");

        assertEquals(0, detect("--annotate", annotated.toString(), pictures.toString()), errors());

        List<JsonNode> lines = lines();
        assertEquals(truths.size(), lines.size(), "one line per picture");
        int visible = 0;
        int found = 0;
        int typed = 0;
        int withCue = 0;
        int withoutCue = 0;
        for (JsonNode line : lines) {
            String name = Path.of(line.get("source").asText()).getFileName().toString();
            GroundTruthFrame truth = truths.get(name);
            assertEquals(0, line.get("frame").asInt());
            assertEquals(1280, line.get("width").asInt());
            assertEquals(720, line.get("height").asInt());
            assertTrue(line.get("elapsed_ms").asDouble() > 0, line.toString());
            assertEquals(4, line.at("/table/corners").size(), "the table is found: " + line);
            if (truth.cue().isEmpty()) {
                assertTrue(line.get("cue").isNull(), "no stick drawn, none seen: " + line);
                withoutCue++;
            } else if (tipOverCloth(truth.cue().get())) {
                assertCueSeen(truth.cue().get(), line.get("cue"));
                withCue++;
            }
            for (GroundTruthBall ball : truth.balls()) {
                if (ball.visibleFraction() < 0.99) {
                    continue;
                }
                visible++;
                JsonNode nearest = nearest(line.get("balls"), ball);
                if (nearest != null && distance(nearest, ball) <= MATCH_PX) {
                    found++;
                    typed += nearest.get("type").asText().equals(ball.type().wireName()) ? 1 : 0;
                    assertTrue(nearest.get("r").asDouble() > 5 && nearest.get("confidence").asDouble() > 0, nearest.toString());
                }
            }
            Mat picture = Imgcodecs.imread(annotated.resolve(name).toString());
            assertEquals(new Size(1280, 720), picture.size(), "the annotated picture of " + name);
            picture.release();
        }
        String figures = found + " of " + visible + " balls within " + MATCH_PX + " px, " + typed + " typed right";
        System.out.println("detect on simulator pictures: " + figures);
        assertTrue(withCue >= 1 && withoutCue >= 1, "pictures with and without a cue: " + withCue + ", " + withoutCue);
        assertTrue(found >= 0.95 * visible, figures);
        assertTrue(typed >= 0.95 * found, figures);
    }

    @Test
    void aVideoGivesOneLinePerFrame() throws Exception {
        Path video = dir.resolve("table.avi");
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(11);
        List<GroundTruthFrame> truths = new ArrayList<>();
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            VideoWriter writer = new VideoWriter(video.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 30,
                    new Size(settings.width(), settings.height()));
            for (int i = 0; i < 12; i++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    writer.write(frame.image());
                    truths.add(camera.groundTruthOf(frame.sequence()).orElseThrow());
                }
            }
            writer.release();
        }

        assertEquals(0, detect(video.toString()), errors());

        List<JsonNode> lines = lines();
        assertEquals(12, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals(video.toString(), line.get("source").asText());
            assertEquals(i, line.get("frame").asInt());
            long near = truths.get(i).balls().stream().filter(b -> b.visibleFraction() >= 0.99)
                    .filter(b -> {
                        JsonNode nearest = nearest(line.get("balls"), b);
                        return nearest != null && distance(nearest, b) <= MATCH_PX;
                    }).count();
            long visible = truths.get(i).balls().stream().filter(b -> b.visibleFraction() >= 0.99).count();
            assertTrue(near >= 0.9 * visible, "frame " + i + ": " + near + " of " + visible + " balls found");
        }
    }

    @Test
    void anUnreadableInputIsNamedAndTheRestStillDetected() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        writeSimulatedFrames(pictures, 1, 1);
        Path broken = Files.writeString(pictures.resolve("zz-broken.png"), "not a png");
        Path notAVideo = Files.writeString(dir.resolve("notes.txt"), "not a video");

        assertEquals(1, detect(pictures.toString(), notAVideo.toString()));

        assertEquals(1, lines().size(), "the readable picture is still detected");
        assertTrue(errors().contains("cuecast detect: cannot read image '" + broken + "': unreadable or not an image"),
                errors());
        assertTrue(errors().contains("cannot open video file '" + notAVideo + "'"), errors());
        assertTrue(errors().contains("cuecast detect: 2 of 3 inputs could not be read"), errors());
    }

    @Test
    void aBadCommandLineOrTableConfigExitsTwoBeforeDetectingAnything() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        writeSimulatedFrames(pictures, 1, 1);

        assertEquals(2, detect(pictures.toString(), dir.resolve("missing.png").toString()));
        assertTrue(errors().startsWith("cuecast detect: '" + dir.resolve("missing.png") + "' does not exist"), errors());

        err.reset();
        assertEquals(2, detect());
        assertTrue(errors().startsWith("cuecast detect: no images, videos or folders given"), errors());

        err.reset();
        Path badTable = Files.writeString(dir.resolve("table.properties"), "cuecast.table.size = 10ft-pool\n");
        assertEquals(2, detect("--table-config", badTable.toString(), pictures.toString()));
        assertTrue(errors().startsWith("cuecast detect: config key 'cuecast.table.size' is '10ft-pool'"), errors());

        err.reset();
        Path badLens = Files.writeString(dir.resolve("lens.properties"),
                "cuecast.camera.lens-calibration = " + dir.resolve("no-lens.json") + "\n");
        assertEquals(2, detect("--table-config", badLens.toString(), pictures.toString()));
        assertTrue(errors().startsWith("cuecast detect: config key 'cuecast.camera.lens-calibration' is '"
                + dir.resolve("no-lens.json") + "': cannot read lens calibration"), errors());

        err.reset();
        assertEquals(2, detect("--table-config", dir.resolve("none.properties").toString(), pictures.toString()));
        assertTrue(errors().startsWith("cuecast detect: cannot read --table-config '" + dir.resolve("none.properties")),
                errors());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing detected");
    }

    @Test
    void theTableConfigsLensCalibrationUndistortsEachFrame() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        writeSimulatedFrames(pictures, 1, 1);
        LensCalibration lens = new LensCalibration(640, 360, 400, 400, 320, 180, new double[] {-0.2, 0, 0, 0}, 0.5);
        Path lensFile = Files.writeString(dir.resolve("lens.json"), LensCalibration.format(lens.toJson()));
        Path config = Files.writeString(dir.resolve("table.properties"),
                "cuecast.table.size = 9ft-pool\ncuecast.camera.lens-calibration = " + lensFile + "\n");

        assertEquals(0, detect(pictures.toString()), errors());
        JsonNode straight = lines().get(0);
        out.reset();
        assertEquals(0, detect("--table-config", config.toString(), pictures.toString()), errors());
        JsonNode undistorted = lines().get(0);

        assertEquals(1280, undistorted.get("width").asInt(), "the lens scales to the frame's size");
        double shift = Math.abs(undistorted.at("/table/corners/0/0").asDouble() - straight.at("/table/corners/0/0").asDouble());
        assertTrue(shift > 5, "undistorting a picture that had no distortion pushes the table's corners out: "
                + straight.get("table") + " then " + undistorted.get("table"));
        assertFalse(errors().contains("cuecast detect"), errors());
    }

    @Test
    void theSnookerTableSizeTypesTheBallsAsSnookerColours() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        // The simulator paints pool's balls; on a snooker table they must come out in snooker's names.
        GroundTruthFrame truth = writeSimulatedFrames(pictures, TableSpec.SNOOKER_12FT, 1, 1).values().iterator().next();
        Path config = Files.writeString(dir.resolve("table.properties"), "cuecast.table.size = 12ft-snooker\n");

        assertEquals(0, detect("--table-config", config.toString(), pictures.toString()), errors());

        List<String> snooker = List.of("white", "red", "yellow", "green", "brown", "blue", "pink", "black", "unknown");
        JsonNode balls = lines().get(0).get("balls");
        assertTrue(balls.size() >= truth.balls().size() - 2, "the balls are found: " + balls);
        List<String> whites = new ArrayList<>();
        for (JsonNode ball : balls) {
            assertTrue(snooker.contains(ball.get("type").asText()), "a snooker type: " + ball);
            assertTrue(ball.get("number").isNull(), "a snooker ball has no number: " + ball);
            if (ball.get("type").asText().equals("white")) {
                whites.add(ball.toString());
            }
        }
        assertEquals(1, whites.size(), "the cue ball, and only it, is the white: " + balls);
    }

    /** Writes {@code count} simulator frames, {@code every} frames apart, as PNGs; their ground truth by file name. */
    private static Map<String, GroundTruthFrame> writeSimulatedFrames(Path folder, int count, int every) {
        return writeSimulatedFrames(folder, TableSpec.POOL_9FT, count, every);
    }

    private static Map<String, GroundTruthFrame> writeSimulatedFrames(Path folder, TableSpec table, int count, int every) {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(3).withTable(table);
        Map<String, GroundTruthFrame> truths = new HashMap<>();
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            for (int n = 0; truths.size() < count; n++) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    if (n % every == 0) {
                        String name = String.format("frame-%04d.png", n);
                        Imgcodecs.imwrite(folder.resolve(name).toString(), frame.image());
                        truths.put(name, camera.groundTruthOf(frame.sequence()).orElseThrow());
                    }
                }
            }
        }
        return truths;
    }

    private static boolean tipOverCloth(GroundTruthCue cue) {
        double x = cue.tipXMm();
        double y = cue.tipYMm();
        return Math.min(Math.min(x, TableSpec.POOL_9FT.lengthMm() - x), Math.min(y, TableSpec.POOL_9FT.widthMm() - y)) >= 60;
    }

    /** The line's cue has the stick's tip within a few pixels and its direction within a degree. */
    private static void assertCueSeen(GroundTruthCue truth, JsonNode cue) {
        assertTrue(cue.isObject(), "the stick is seen: " + cue);
        double tipError = Math.hypot(cue.at("/tip/0").asDouble() - truth.tipXPx(), cue.at("/tip/1").asDouble() - truth.tipYPx());
        double angleError = Math.abs(Math.IEEEremainder(cue.get("angle_deg").asDouble() - Math.toDegrees(truth.angleRad()), 360));
        assertTrue(tipError <= 6 && angleError <= 1, "tip off by " + tipError + " px, angle by " + angleError + " deg: " + cue);
        assertTrue(cue.get("confidence").asDouble() > 0 && cue.get("confidence").asDouble() <= 1, cue.toString());
    }

    private static JsonNode nearest(JsonNode balls, GroundTruthBall truth) {
        JsonNode best = null;
        for (JsonNode ball : balls) {
            if (best == null || distance(ball, truth) < distance(best, truth)) {
                best = ball;
            }
        }
        return best;
    }

    private static double distance(JsonNode ball, GroundTruthBall truth) {
        return Math.hypot(ball.get("x").asDouble() - truth.xPx(), ball.get("y").asDouble() - truth.yPx());
    }
}

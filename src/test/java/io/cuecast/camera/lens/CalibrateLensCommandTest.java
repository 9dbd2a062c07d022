package io.cuecast.camera.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.OpenCvNatives;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** calibrate-lens's answers to a bad command line and to pictures it cannot use. */
class CalibrateLensCommandTest {
    private static final String[] BOARD = {"--board", "6x8", "--square-mm", "34", "--marker-mm", "27"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CalibrateLensCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadCommandLineExitsTwoSayingWhy() throws Exception {
        Path image = Files.writeString(dir.resolve("x.png"), "x");
        assertEquals(2, run("--square-mm", "34", "--marker-mm", "27", image.toString()));
        assertTrue(errors().startsWith("cuecast calibrate-lens: --board, --square-mm and --marker-mm are required"),
                errors());

        err.reset();
        assertEquals(2, run("--board", "6x8", "--square-mm", "34", "--marker-mm", "27", "--dictionary", "DICT_9X9_1",
                image.toString()));
        assertTrue(errors().contains("'DICT_9X9_1' is not one of OpenCV's ArUco dictionaries"), errors());

        err.reset();
        assertEquals(2, run("--board", "6-8", "--square-mm", "34", "--marker-mm", "27", image.toString()));
        assertTrue(errors().contains("the board must be COLUMNSxROWS in squares, e.g. 6x8, not '6-8'"), errors());

        err.reset();
        assertEquals(2, run("--board", "6x8", "--square-mm", "27", "--marker-mm", "34", image.toString()));
        assertTrue(errors().contains("the marker (34.0 mm) must be smaller than the square (27.0 mm)"), errors());

        err.reset();
        assertEquals(2, run(concat(BOARD, dir.resolve("missing").toString())));
        assertTrue(errors().contains("'" + dir.resolve("missing") + "' does not exist"), errors());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout");
    }

    @Test
    void picturesWithoutTheBoardExitOne() {
        OpenCvNatives.load();
        for (int i = 0; i < 3; i++) {
            Mat grey = new Mat(480, 640, CvType.CV_8UC3, new Scalar(128, 128, 128));
            Imgcodecs.imwrite(dir.resolve("blank" + i + ".png").toString(), grey);
            grey.release();
        }
        assertEquals(1, run(concat(BOARD, dir.toString())));
        assertTrue(errors().contains("blank0.png: board not found (fewer than 6 corners), skipped"), errors());
        assertTrue(errors().contains("cuecast calibrate-lens: the board was found in 0 image(s), and at least 3 are"
                + " needed"), errors());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no calibration written");
    }

    @Test
    void anUnreadablePictureExitsOneNamingIt() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        assertEquals(1, run(concat(BOARD, broken.toString())));
        assertTrue(errors().contains("cuecast calibrate-lens: cannot read image '" + broken + "'"), errors());
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}

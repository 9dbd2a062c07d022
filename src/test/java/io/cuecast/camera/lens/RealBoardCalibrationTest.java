package io.cuecast.camera.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calibrate-lens on the ChArUco frames of ../shared/data/calibration (a wide-angle webcam, see its
 * README.md), against the calibration that project solved from the same frames. Skips when the data
 * is not there. Tolerances sit just above what this solve reaches (docs/VISION.md), so a regression fails.
 */
class RealBoardCalibrationTest {
    private static final Path DATA = Path.of("../shared/data/calibration");

    @TempDir
    Path dir;

    @Test
    void solvesTheWebcamAsTheReferenceDid() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("frames")),
                "no calibration frames at " + DATA.toAbsolutePath().normalize() + ": skipped");
        Path output = dir.resolve("lens.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CalibrateLensCommand.run(new String[] {"--board", "6x8", "--square-mm", "34", "--marker-mm", "27",
            "--dictionary", "DICT_4X4_50", "--reference", DATA.resolve("reference_intrinsics.json").toString(),
            "--output", output.toString(), DATA.resolve("frames").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = err.toString(StandardCharsets.UTF_8);
        System.out.println(log);
        assertEquals(0, exit, log);

        JsonNode json = new ObjectMapper().readTree(output.toFile());
        assertEquals(10, json.get("images").size(), "the board is found in all 10 frames: " + log);
        assertTrue(json.get("rms_reprojection_error_px").asDouble() < 0.95, "solved at 0.89 px rms: " + log);
        JsonNode comparison = json.get("reference_comparison");
        for (String intrinsic : new String[] {"fx", "fy", "cx", "cy"}) {
            double error = comparison.get(intrinsic + "_relative_error").asDouble();
            assertTrue(Math.abs(error) < 2e-4, intrinsic + " within 0.02% of the reference (0.008% reached): " + log);
        }
        for (JsonNode difference : comparison.get("distortion_difference")) {
            assertTrue(Math.abs(difference.asDouble()) < 2e-4, "each coefficient within 2e-4 of the reference: " + log);
        }
        assertTrue(comparison.get("ray_gap_max_px").asDouble() < 0.5, "the two models agree within 0.5 px: " + log);

        LensCalibration read = LensCalibration.read(output);
        assertEquals(1920, read.width());
        assertEquals(1080, read.height());
        assertEquals(json.at("/camera_matrix/0/0").asDouble(), read.fx(), 0.0, "the written file reads back");
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.imgcodecs.Imgcodecs;

/** {@code java -jar target/cuecast.jar detect ...} in its own process: its stdout, stderr and exit status. */
class DetectJarIT {

    @Test
    void detectPrintsJsonLinesAndExitsNonZeroOnAnUnreadableInput(@TempDir Path dir) throws Exception {
        OpenCvNatives.load();
        Path picture = dir.resolve("table.png");
        try (SimulatedCamera camera = new SimulatedCamera(SimulatorSettings.defaults());
             Frame frame = camera.grab().orElseThrow()) {
            Imgcodecs.imwrite(picture.toString(), frame.image());
        }
        Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a jpeg");
        Path stderr = dir.resolve("stderr.txt");
        Process detect = new ProcessBuilder(RunningJar.javaBinary(), "-jar", RunningJar.JAR.toString(), "detect",
                picture.toString(), broken.toString()).redirectError(stderr.toFile()).start();
        String stdout = new String(detect.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(1, detect.waitFor(), Files.readString(stderr));
        String[] lines = stdout.strip().split("\n");
        assertEquals(1, lines.length, stdout);
        JsonNode line = new ObjectMapper().readTree(lines[0]);
        assertEquals(picture.toString(), line.get("source").asText());
        assertTrue(line.get("balls").size() >= 15, "the rack's balls: " + line);
        assertTrue(Files.readString(stderr).contains("cuecast detect: cannot read image '" + broken + "'"),
                Files.readString(stderr));
    }
}

package io.cuecast.vision.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionBenchTest {

    @Test
    void aMissingFootageFolderIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VisionBench.fromArgs("/no/such/footage"));
        assertEquals("footage folder '/no/such/footage' does not exist", e.getMessage());
    }

    @Test
    void badOptionsAreRefusedWithTheirName(@TempDir Path data) {
        assertEquals("unknown option '--fast'",
                assertThrows(IllegalArgumentException.class, () -> VisionBench.fromArgs(data.toString(), "--fast")).getMessage());
        assertEquals("--repeats must be a whole number of at least 1, not '0'",
                assertThrows(IllegalArgumentException.class, () -> VisionBench.fromArgs(data.toString(), "--repeats", "0")).getMessage());
        assertEquals("--annotate needs a value",
                assertThrows(IllegalArgumentException.class, () -> VisionBench.fromArgs(data.toString(), "--annotate")).getMessage());
    }

    @Test
    void aFolderWithoutTheDatasetsSaysWhatIsMissing(@TempDir Path data) throws IOException {
        Files.createDirectories(data.resolve("padova/empty_clip"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        VisionBench.fromArgs(data.toString()).run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("padova: no labelled frames under " + data.resolve("padova")), out);
        assertTrue(out.contains("bern: no labelled frames under " + data.resolve("bern/without_halo")), out);
        assertTrue(out.contains("speed: no frames to time under " + data), out);
    }
}

package io.cuecast.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corners set by hand, as the projector's keystone (on the screen) and the table's outline (in the camera image). */
class FourCornersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String refusal(String body) throws Exception {
        JsonNode node = json(body);
        return assertThrows(IllegalArgumentException.class, () -> FourCorners.parse(node, FourCorners.Surface.SCREEN)).getMessage();
    }

    @Test
    void aSkewedButConvexOutlineIsAccepted() throws Exception {
        FourCorners keystone = FourCorners.parse(json("{\"corners\":[{\"x\":0.1,\"y\":0.05},{\"x\":0.92,\"y\":0.1},"
                + "{\"x\":0.95,\"y\":0.9},{\"x\":-0.02,\"y\":0.97}]}"), FourCorners.Surface.SCREEN);
        assertEquals(new FourCorners.Corner(0.92, 0.1), keystone.corners().get(1));
        assertEquals(keystone, FourCorners.parse(JSON.valueToTree(keystone.toJson()), FourCorners.Surface.SCREEN), "its JSON reads back the same");
    }

    @Test
    void eachBadBodyIsRefusedNamingWhatIsWrong() throws Exception {
        assertTrue(refusal("[1,2]").startsWith("the body must be {\"corners\""));
        assertTrue(refusal("{\"corners\":[{\"x\":0,\"y\":0}]}").startsWith("corners must hold exactly 4 points, not 1"));
        assertEquals("corners[2].y must be a number, not missing", refusal(
                "{\"corners\":[{\"x\":0,\"y\":0},{\"x\":1,\"y\":0},{\"x\":1},{\"x\":0,\"y\":1}]}"));
        assertEquals("corners[1].x must be a number, not \"1\"", refusal(
                "{\"corners\":[{\"x\":0,\"y\":0},{\"x\":\"1\",\"y\":0},{\"x\":1,\"y\":1},{\"x\":0,\"y\":1}]}"));
        assertEquals("corners[3].y must be between -1.0 and 2.0 (a fraction of the screen's height), not 7.0", refusal(
                "{\"corners\":[{\"x\":0,\"y\":0},{\"x\":1,\"y\":0},{\"x\":1,\"y\":1},{\"x\":0,\"y\":7}]}"));
        assertTrue(refusal("{\"corners\":[{\"x\":0,\"y\":0},{\"x\":1,\"y\":1},{\"x\":1,\"y\":0},{\"x\":0,\"y\":1}]}")
                .startsWith("the corners must make a convex four-sided outline"), "crossed corners");
        assertTrue(refusal("{\"corners\":[{\"x\":0,\"y\":0},{\"x\":0.5,\"y\":0},{\"x\":1,\"y\":0},{\"x\":0,\"y\":1}]}")
                .startsWith("the corners must make a convex four-sided outline"), "three corners in a line");
    }

    @Test
    void theStoreKeepsASavedCalibrationAcrossARestart(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("projector/keystone.json");
        CornersFile store = CornersFile.open(file, "key", FourCorners.Surface.SCREEN, "the projector calibration");
        assertEquals(Optional.empty(), store.current(), "nothing before any calibration");
        FourCorners skewed = FourCorners.parse(json("{\"corners\":[{\"x\":0.1,\"y\":0.1},{\"x\":0.9,\"y\":0.12},"
                + "{\"x\":0.88,\"y\":0.9},{\"x\":0.12,\"y\":0.88}]}"), FourCorners.Surface.CAMERA_IMAGE);
        store.save(skewed);
        assertEquals(Optional.of(skewed), store.current());
        assertEquals(Optional.of(skewed), CornersFile.open(file, "key", FourCorners.Surface.CAMERA_IMAGE, "x").current());
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
        store.clear();
        assertEquals(Optional.empty(), store.current());
        assertEquals(Optional.empty(), CornersFile.open(file, "key", FourCorners.Surface.CAMERA_IMAGE, "x").current(),
                "cleared for good");
    }

    @Test
    void inTheCameraImageCornersMustLieInsideIt() throws Exception {
        JsonNode beyond = json("{\"corners\":[{\"x\":-0.1,\"y\":0},{\"x\":1,\"y\":0},{\"x\":1,\"y\":1},{\"x\":0,\"y\":1}]}");
        assertEquals("corners[0].x must be between 0.0 and 1.0 (a fraction of the camera image's width), not -0.1",
                assertThrows(IllegalArgumentException.class,
                        () -> FourCorners.parse(beyond, FourCorners.Surface.CAMERA_IMAGE)).getMessage());
    }

    @Test
    void aDamagedFileStopsStartUpNamingTheKeyAndTheFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("keystone.json"), "{\"corners\": [");
        String message = assertThrows(ConfigException.class,
                () -> CornersFile.open(file, "cuecast.projector.keystone-file", FourCorners.Surface.SCREEN,
                        "the projector calibration")).getMessage();
        assertTrue(message.startsWith("cuecast.projector.keystone-file: the projector calibration " + file + " cannot be read"),
                message);
    }
}

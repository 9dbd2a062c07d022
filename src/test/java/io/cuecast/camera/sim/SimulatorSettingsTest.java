package io.cuecast.camera.sim;

import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        assertEquals(1280, defaults.width());
        assertEquals(720, defaults.height());
        assertEquals(30, defaults.fps());
        assertEquals(42, defaults.seed());
        assertEquals(TableSpec.POOL_9FT, defaults.table());
        assertEquals(3, defaults.noiseSigma());
        assertEquals(SimulatorSettings.TOURNAMENT_BLUE, defaults.clothColour());
    }

    @Test
    void badValuesAreRejectedWithAMessageNamingTheValue() {
        SimulatorSettings defaults = SimulatorSettings.defaults();
        assertMessage("simulator width must be between 320 and 7680 pixels, was 100",
                () -> defaults.withSize(100, 720));
        assertMessage("simulator height must be between 180 and 4320 pixels, was 0", () -> defaults.withSize(1280, 0));
        assertMessage("simulator fps must be between 1 and 240 frames per second, was 0", () -> defaults.withFps(0));
        assertMessage("simulator fps must be between 1 and 240 frames per second, was NaN",
                () -> defaults.withFps(Double.NaN));
        assertMessage("simulator noise sigma must be between 0 and 50 levels, was -1", () -> defaults.withNoiseSigma(-1));
        assertMessage("simulator ground-truth history must be between 1 and 100000 frames, was 0",
                () -> defaults.withGroundTruthHistory(0));
        assertMessage("simulator table must be set", () -> defaults.withTable(null));
    }

    private static void assertMessage(String expected, Runnable build) {
        RuntimeException e = assertThrows(RuntimeException.class, build::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void otherTableSizesAndFrameSizesAreAccepted() {
        SimulatorSettings settings = SimulatorSettings.defaults().withTable(TableSpec.POOL_7FT).withSize(640, 480)
                .withFps(29.97);
        assertTrue(settings.table().lengthMm() < TableSpec.POOL_9FT.lengthMm());
    }
}

package io.cuecast.camera.sim;

import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorLayoutTest {
    private final SimulatorLayout layout = SimulatorLayout.of(1280, 720, TableSpec.POOL_9FT);

    @Test
    void tableCentreIsTheFrameCentreInPixelCentreCoordinates() {
        assertEquals(639.5, layout.xToPx(TableSpec.POOL_9FT.lengthMm() / 2), 1e-9);
        assertEquals(359.5, layout.yToPx(TableSpec.POOL_9FT.widthMm() / 2), 1e-9);
    }

    @Test
    void pixelsAndMillimetresMapBothWays() {
        assertEquals(1234.5, layout.xToMm(layout.xToPx(1234.5)), 1e-9);
        assertEquals(77.25, layout.yToMm(layout.yToPx(77.25)), 1e-9);
        assertEquals(layout.pxPerMm() * 100, layout.xToPx(100) - layout.xToPx(0), 1e-9);
        assertEquals(layout.pxPerMm() * 100, layout.yToPx(100) - layout.yToPx(0), 1e-9);
    }

    @Test
    void wholeTableWithRailsFitsWithAMargin() {
        double border = SimulatorLayout.CUSHION_WIDTH_MM + SimulatorLayout.RAIL_WIDTH_MM;
        TableSpec table = TableSpec.POOL_9FT;
        assertTrue(layout.xToPx(-border) >= SimulatorLayout.MARGIN_PX - 0.5);
        assertTrue(layout.xToPx(table.lengthMm() + border) <= 1279 - SimulatorLayout.MARGIN_PX + 0.5);
        assertEquals(SimulatorLayout.MARGIN_PX - 0.5, layout.yToPx(-border), 1e-9);
        assertEquals(719 - SimulatorLayout.MARGIN_PX + 0.5, layout.yToPx(table.widthMm() + border), 1e-9);
    }

    @Test
    void ballIsAboutTwelvePixelsInRadiusAt720p() {
        assertEquals(12.2, layout.ballRadiusPx(), 0.1);
    }
}

package io.cuecast.gateway.web;

import io.cuecast.table.CornersFile;
import io.cuecast.table.FourCorners;
import io.cuecast.vision.VisionStage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;

/**
 * The calibration page's REST bean (routes/web-calibration.camel.yaml): the table's outline in the
 * camera image, found by the vision pipeline or set by hand, and the lens calibration's status.
 */
public final class CalibrationApi {
    private final CornersFile manualOutline;
    private final VisionStage vision;
    private final Map<String, Object> lens;

    /**
     * @param manualOutline the outline set by hand, which the vision pipeline reads
     * @param lens          the lens calibration's status, as {@code GET} shows it
     */
    public CalibrationApi(CornersFile manualOutline, VisionStage vision, Map<String, Object> lens) {
        this.manualOutline = manualOutline;
        this.vision = vision;
        this.lens = Map.copyOf(lens);
    }

    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("table_outline", outline());
        status.put("lens", lens);
        return status;
    }

    /** {@code PUT}: saves the outline and returns it; 400 naming the problem, and nothing saved. */
    public Object saveOutline(@Body Object body, Exchange exchange) {
        return CornerRequests.save(body, exchange, FourCorners.Surface.CAMERA_IMAGE, manualOutline, this::outline);
    }

    /** {@code DELETE}: forgets the outline set by hand, so that the pipeline finds the table again. */
    public Object clearOutline(Exchange exchange) {
        try {
            manualOutline.clear();
        } catch (IOException e) {
            return CornerRequests.error(exchange, 500, "the outline could not be removed: " + e.getMessage());
        }
        return outline();
    }

    /**
     * {@code source}: {@code manual} (set by hand), {@code detected} (found in the latest frame) or
     * {@code none} (not found yet); {@code corners} as fractions of the image, absent for none.
     */
    private Map<String, Object> outline() {
        Map<String, Object> outline = new LinkedHashMap<>();
        var manual = manualOutline.current();
        var shown = manual.or(vision::lastOutline);
        outline.put("source", manual.isPresent() ? "manual" : shown.isPresent() ? "detected" : "none");
        shown.ifPresent(corners -> outline.putAll(corners.toJson()));
        return outline;
    }
}

package io.cuecast.ops;

import io.cuecast.camera.CameraStatus;
import io.cuecast.camera.Clocks;
import io.cuecast.gateway.video.VideoFeed;
import io.cuecast.vision.Detection;
import io.cuecast.vision.VisionStage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.LongSupplier;

/**
 * {@code GET /api/v1/health}: an overall status and one per component (camera, vision, gateway).
 * The overall status is the worst component's; HTTP answers 503 when it is DOWN.
 */
public final class HealthReport {
    private final CameraStatus camera;
    private final LongSupplier framesDropped;
    private final VisionStage vision;
    private final IntSupplier connections;
    private final VideoFeed video;
    private final long staleAfterUs;
    private final long startedAtUs = Clocks.epochMicros();
    private final String version;
    private final Supplier<Map<String, String>> breakerStates;
    private final Supplier<Map<String, Object>> camelChecks;

    /** Cuecast's own components by name, in report order; Camel's checks of routes and consumers follow as "camel". */
    private final Map<String, LongFunction<Map<String, Object>>> components = new LinkedHashMap<>();

    /**
     * @param framesDropped     frames dropped unprocessed because detection fell behind
     * @param staleAfterSeconds a camera that has produced no frame for this long is DOWN
     * @param breakerStates     each circuit breaker's state by id; an open one makes its part DEGRADED
     * @param camelChecks       Camel's own readiness checks (routes, consumers) as one part
     */
    public HealthReport(CameraStatus camera, LongSupplier framesDropped, VisionStage vision, IntSupplier connections,
                        VideoFeed video, double staleAfterSeconds, String version,
                        Supplier<Map<String, String>> breakerStates, Supplier<Map<String, Object>> camelChecks) {
        this.camera = camera;
        this.framesDropped = framesDropped;
        this.vision = vision;
        this.connections = connections;
        this.video = video;
        this.staleAfterUs = (long) (staleAfterSeconds * 1e6);
        this.version = version;
        this.breakerStates = breakerStates;
        this.camelChecks = camelChecks;
        components.put("camera", this::camera);
        components.put("vision", this::vision);
        components.put("gateway", now -> gateway());
        components.put("circuit_breakers", now -> breakers());
    }

    /**
     * For a gateway-only node of a cluster (docs/SCALING.md), which has no camera and runs no
     * detection: those parts are left out rather than reported DOWN. Call before the report is used.
     */
    public HealthReport withoutCamera() {
        components.remove("camera");
        components.remove("vision");
        return this;
    }

    /** The names of Cuecast's own components, in report order. */
    public List<String> componentNames() {
        return List.copyOf(components.keySet());
    }

    public Map<String, Object> report() {
        long now = Clocks.epochMicros();
        Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
        components.forEach((name, part) -> parts.put(name, part.apply(now)));
        parts.put("camel", camelChecks.get());
        HealthStatus overall = parts.values().stream().map(HealthReport::statusOf)
                .reduce(HealthStatus.UP, HealthStatus::worse);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", overall.name());
        report.put("timestamp", Instant.now().toString());
        report.put("uptime_s", (now - startedAtUs) / 1_000_000);
        report.put("version", version);
        report.put("components", parts);
        return report;
    }

    /**
     * One of Cuecast's own components ({@link #componentNames()}), as the report shows it: a
     * {@code status} of UP, DEGRADED or DOWN, and figures.
     */
    public Map<String, Object> component(String name) {
        LongFunction<Map<String, Object>> part = components.get(name);
        if (part == null) {
            throw new IllegalArgumentException("no health component '" + name + "'; there are " + componentNames());
        }
        return part.apply(Clocks.epochMicros());
    }

    /** The HTTP status for a report: 503 when DOWN, else 200. */
    public static int httpStatus(Map<String, Object> report) {
        return HealthStatus.DOWN.name().equals(report.get("status")) ? 503 : 200;
    }

    private Map<String, Object> camera(long now) {
        Map<String, Object> part = new LinkedHashMap<>();
        long last = camera.lastFrameAtUs();
        boolean fresh = last > 0 && now - last <= staleAfterUs;
        part.put("status", (fresh ? HealthStatus.UP : HealthStatus.DOWN).name());
        part.put("source", camera.source());
        part.put("frames_captured", camera.framesCaptured());
        part.put("failures", camera.failures());
        part.put("last_frame_age_ms", last > 0 ? (now - last) / 1000 : null);
        part.put("error", camera.lastError());
        return part;
    }

    private Map<String, Object> vision(long now) {
        Map<String, Object> part = new LinkedHashMap<>();
        Detection last = vision.lastDetection();
        HealthStatus status = last == null || now - last.capturedAtUs() > staleAfterUs ? HealthStatus.DOWN
                : last.tableFound() ? HealthStatus.UP : HealthStatus.DEGRADED;
        part.put("status", status.name());
        part.put("frames_processed", vision.framesProcessed());
        part.put("frames_dropped", framesDropped.getAsLong());
        part.put("table_found", last != null && last.tableFound());
        part.put("balls", last == null ? 0 : last.balls().size());
        part.put("last_detection_ms", last == null ? null : Math.round(last.detectionMillis() * 100) / 100.0);
        part.put("video_frames_encoded", video.framesEncoded());
        part.put("video_viewers", video.viewerCount());
        return part;
    }

    private Map<String, Object> gateway() {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", HealthStatus.UP.name());
        part.put("connections", connections.getAsInt());
        return part;
    }

    /** DEGRADED while any breaker is not CLOSED: its path is being skipped or probed. */
    private Map<String, Object> breakers() {
        Map<String, String> states = breakerStates.get();
        boolean allClosed = states.values().stream().allMatch("CLOSED"::equals);
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", (allClosed ? HealthStatus.UP : HealthStatus.DEGRADED).name());
        part.put("states", states);
        return part;
    }

    private static HealthStatus statusOf(Map<String, Object> part) {
        return HealthStatus.valueOf((String) part.get("status"));
    }
}

package io.cuecast.ops;

import io.cuecast.camera.CameraStatus;
import io.cuecast.gateway.Gateway;
import io.cuecast.vision.VisionStage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Cuecast's own meters, beside Camel's route and processor timings, named by the Prometheus
 * conventions ({@code cuecast_frames_captured_total}, {@code cuecast_detection_seconds}, ...).
 * Counters read the stages' own figures when scraped, so the hot path pays nothing for them; only
 * the detection time is recorded per frame.
 */
public final class PipelineMetrics {
    private final CameraStatus camera;
    private final LongSupplier framesDropped;
    private final VisionStage vision;
    private final Gateway gateway;

    public PipelineMetrics(CameraStatus camera, LongSupplier framesDropped, VisionStage vision, Gateway gateway) {
        this.camera = camera;
        this.framesDropped = framesDropped;
        this.vision = vision;
        this.gateway = gateway;
    }

    public void bindTo(MeterRegistry registry) {
        counter(registry, "cuecast.frames.captured", "frames the camera produced", camera, CameraStatus::framesCaptured);
        counter(registry, "cuecast.camera.failures", "camera grabs that failed", camera, CameraStatus::failures);
        counter(registry, "cuecast.frames.dropped", "frames dropped before detection because it fell behind",
                framesDropped, LongSupplier::getAsLong);
        counter(registry, "cuecast.frames.processed", "frames the vision stage processed", vision,
                VisionStage::framesProcessed);
        Gauge.builder("cuecast.websocket.connections", gateway, Gateway::connectionCount)
                .description("open WebSocket connections").register(registry);
        counter(registry, "cuecast.websocket.messages.delivered", "stream messages queued to clients", gateway,
                g -> g.snapshot().messagesDelivered());
        counter(registry, "cuecast.websocket.messages.dropped", "stream messages skipped for clients that were behind",
                gateway, g -> g.snapshot().messagesDropped());
        counter(registry, "cuecast.websocket.messages.failed", "stream messages whose send failed", gateway,
                g -> g.snapshot().messagesFailed());
        for (String level : gateway.frameEncodesByLevel().keySet()) {
            FunctionCounter.builder("cuecast.websocket.frame.encodes", gateway, g -> g.frameEncodesByLevel().get(level))
                    .description("frames encoded for the WebSocket frame stream, per quality level")
                    .tag("level", level).register(registry);
        }
        Timer detection = Timer.builder("cuecast.detection")
                .description("time to detect the table and balls in one frame")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMillis(500))
                .register(registry);
        vision.onDetection(d -> detection.record(Duration.ofNanos((long) (d.detectionMillis() * 1e6))));
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
                                    ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, source, count).description(description).register(registry);
    }
}

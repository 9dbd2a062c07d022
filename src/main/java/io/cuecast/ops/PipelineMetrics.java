package io.cuecast.ops;

import io.cuecast.camera.CameraStatus;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.Stream;
import io.cuecast.vision.VisionStage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.cuecast.camera.Clocks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
    private final LongSupplier framesStill;
    private final VisionStage vision;
    private final Gateway gateway;
    private final Supplier<Map<String, String>> breakerStates;
    private final Map<String, Timer> captureToSend = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    /**
     * @param framesStill   frames not detected because they showed nothing new
     * @param breakerStates each circuit breaker's state by id, as {@link CircuitBreakers} reads them
     */
    public PipelineMetrics(CameraStatus camera, LongSupplier framesDropped, LongSupplier framesStill,
                           VisionStage vision, Gateway gateway, Supplier<Map<String, String>> breakerStates) {
        this.camera = camera;
        this.framesDropped = framesDropped;
        this.framesStill = framesStill;
        this.vision = vision;
        this.gateway = gateway;
        this.breakerStates = breakerStates;
    }

    /**
     * The publish route's call for each message that carries its frame's capture time: how long
     * from the camera's capture to the gateway's send, per stream. Ignored until bound.
     */
    public void recordCaptureToSend(String stream, long capturedAtUs) {
        MeterRegistry bound = registry;
        if (bound == null) {
            return;
        }
        long micros = Math.max(0, Clocks.epochMicros() - capturedAtUs);
        captureToSend.computeIfAbsent(stream, name -> Timer.builder("cuecast.capture.to.send")
                .description("from the camera's capture of a frame to the send of what was seen in it")
                .tag("stream", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(2))
                .register(bound)).record(micros, TimeUnit.MICROSECONDS);
    }

    public void bindTo(MeterRegistry registry) {
        counter(registry, "cuecast.frames.captured", "frames the camera produced", camera, CameraStatus::framesCaptured);
        counter(registry, "cuecast.camera.failures", "camera grabs that failed", camera, CameraStatus::failures);
        counter(registry, "cuecast.frames.dropped", "frames dropped before detection because it fell behind",
                framesDropped, LongSupplier::getAsLong);
        counter(registry, "cuecast.frames.still", "frames not detected because they showed nothing new",
                framesStill, LongSupplier::getAsLong);
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
        for (Stream stream : Stream.values()) {
            String name = stream.wireName();
            FunctionCounter.builder("cuecast.websocket.stream.messages.sent", gateway, g -> g.messagesSent(stream))
                    .description("stream messages handed to clients, one per client copy").tag("stream", name)
                    .register(registry);
            FunctionCounter.builder("cuecast.websocket.stream.bytes.sent", gateway, g -> g.bytesSent(stream))
                    .description("bytes of the stream messages handed to clients").tag("stream", name)
                    .baseUnit("bytes").register(registry);
            FunctionCounter.builder("cuecast.websocket.stream.messages.dropped", gateway, g -> g.messagesDropped(stream))
                    .description("stream messages clients did not get: queue full or send failed").tag("stream", name)
                    .register(registry);
        }
        for (int code : Gateway.serverCloseCodes()) {
            FunctionCounter.builder("cuecast.websocket.closed.by.server", gateway, g -> g.closedByServer(code))
                    .description("connections the gateway closed itself, by close code (3008: slow consumer)")
                    .tag("code", String.valueOf(code)).register(registry);
        }
        // One gauge per breaker and state, 1 for the state it is in: the Prometheus way to show an enum.
        breakerStates.get().keySet().forEach(breaker -> BREAKER_STATES.forEach(state ->
                Gauge.builder("cuecast.circuit.breaker.state", breakerStates,
                                states -> state.equals(states.get().get(breaker)) ? 1 : 0)
                        .description("1 for the state a circuit breaker is in")
                        .tags("breaker", breaker, "state", state).register(registry)));
        this.registry = registry;
    }

    private static final List<String> BREAKER_STATES =
            List.of("CLOSED", "OPEN", "HALF_OPEN", "FORCED_OPEN", "DISABLED", "METRICS_ONLY");

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
                                    ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, source, count).description(description).register(registry);
    }
}

package io.cuecast;

import io.cuecast.camera.CameraPoller;
import io.cuecast.cluster.ClusterSettings;
import io.cuecast.cluster.ClusterWiring;
import io.cuecast.cluster.KafkaHistory;
import io.cuecast.cluster.VisionNodes;
import io.cuecast.camera.CameraSources;
import io.cuecast.camera.FrameRelease;
import io.cuecast.camera.FrameSource;
import io.cuecast.camera.Frame;
import io.cuecast.camera.LatestOnlyQueue;
import io.cuecast.camera.StillFrameFilter;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.camera.lens.ConfiguredLens;
import io.cuecast.camera.lens.UndistortedFrameSource;
import io.cuecast.config.ConfigAdmin;
import io.cuecast.config.ConfigException;
import io.cuecast.config.LiveConfig;
import io.cuecast.config.Settings;
import io.cuecast.gateway.AckSettings;
import io.cuecast.gateway.FileAckJournal;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.GatewaySettings;
import io.cuecast.gateway.HistorySettings;
import io.cuecast.gateway.LivenessSettings;
import io.cuecast.gateway.OlderHistory;
import io.cuecast.gateway.QualityLevel;
import io.cuecast.gateway.QualityLevels;
import io.cuecast.gateway.Tables;
import io.cuecast.gateway.Stream;
import io.cuecast.gateway.auth.AuthSettings;
import io.cuecast.gateway.auth.BearerAccess;
import io.cuecast.gateway.auth.HttpAccess;
import io.cuecast.gateway.rest.AdminGuard;
import io.cuecast.gateway.rest.TablesApi;
import io.cuecast.gateway.ScheduledFlushTimer;
import io.cuecast.gateway.rest.GatewayAdmin;
import io.cuecast.gateway.video.FrameStreamFeed;
import io.cuecast.gateway.video.MjpegHttpEndpoint;
import io.cuecast.gateway.web.CalibrationApi;
import io.cuecast.gateway.web.ProjectorApi;
import io.cuecast.gateway.web.WebPages;
import io.cuecast.gateway.video.OperatorFrames;
import io.cuecast.gateway.video.VideoFeed;
import io.cuecast.gateway.video.VideoSettings;
import io.cuecast.gateway.websocket.StreamPublication;
import io.cuecast.gateway.websocket.ConnectionSettings;
import io.cuecast.gateway.websocket.OrderedWebsocketComponent;
import io.cuecast.ops.CircuitBreakers;
import io.cuecast.ops.CuecastHealthChecks;
import io.cuecast.ops.HealthReport;
import io.cuecast.ops.OutageAlerts;
import io.cuecast.ops.PipelineControl;
import io.cuecast.ops.PipelineMetrics;
import io.cuecast.ops.PublicationOutages;
import io.cuecast.ops.deadletter.DeadLetterApi;
import io.cuecast.ops.deadletter.DeadLetterMetrics;
import io.cuecast.ops.deadletter.DeadLetterRecorder;
import io.cuecast.ops.deadletter.DeadLetterReplayer;
import io.cuecast.ops.deadletter.DeadLetterStore;
import io.cuecast.ops.deadletter.GatewayDeadLetters;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.prediction.PredictionSettings;
import io.cuecast.physics.prediction.PredictionStage;
import io.cuecast.state.GameApi;
import io.cuecast.state.StateSettings;
import io.cuecast.state.StateStage;
import io.cuecast.table.CornersFile;
import io.cuecast.table.FourCorners;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.VisionPipeline;
import io.cuecast.vision.VisionStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the pipeline's beans from {@code config/application.properties} and binds them under the
 * names the routes use. This is the one place where the stages are wired together.
 */
public class CuecastConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CuecastConfiguration.class);
    /** Where camel-micrometer-prometheus binds its registry when camel.metrics.enabled is true. */
    private static final String METRICS_REGISTRY = "metricsRegistry";
    /** Messages a second a stream's publication lets through by default: a cap far above normal use. */
    private static final int DEFAULT_MAX_RATE = 100;

    @Override
    public void configure(CamelContext context) throws Exception {
        OpenCvNatives.load();
        Settings settings = new Settings(key -> context.getPropertiesComponent().resolveProperty(key));
        TableSpec table = settings.parsed("cuecast.table.size", "9ft-pool", TableSpec::named);
        // Read at start-up so that a bad cuecast.physics.* value stops the app with a clear message.
        EventPhysics physics = new EventPhysics(table, EventPhysicsSettings.fromSettings(settings, table));
        PredictionSettings prediction = PredictionSettings.fromSettings(settings);

        ConfiguredLens lens = UndistortedFrameSource.fromSettings(settings);
        FrameSource source = lens.apply(CameraSources.open(settings, table, physics.settings()));
        CameraPoller poller = new CameraPoller(source);
        context.getPropertiesComponent().addInitialProperty("cuecast.camera.period-ms",
                String.valueOf(Math.max(1, Math.round(1000 / source.fps()))));
        LatestOnlyQueue<Exchange> frames = new LatestOnlyQueue<>(
                settings.integer("cuecast.camera.queue-size", 2, 1, 100),
                dropped -> dropped.getMessage().getBody(Frame.class).close());

        StillFrameFilter stillFrames = new StillFrameFilter(settings.bool("cuecast.vision.skip-still-frames", true),
                settings.decimal("cuecast.vision.still-keepalive-seconds", 0.5, 0.01, 60));
        CornersFile manualOutline = CornersFile.open(Path.of(settings.string("cuecast.vision.table-outline-file",
                "data/table-outline.json")), "cuecast.vision.table-outline-file", FourCorners.Surface.CAMERA_IMAGE,
                "the table outline set by hand");
        VisionStage vision = new VisionStage(new VisionPipeline(table,
                settings.integer("cuecast.vision.table-refresh-frames", 150, 1, 100_000), manualOutline::current));
        StateSettings.Built stateBuilt = StateSettings.build(settings, table);
        StateStage state = stateBuilt.stage();

        String version = Version.current();
        ClusterSettings cluster = ClusterSettings.fromSettings(settings);
        HistorySettings history = new HistorySettings(
                settings.integer("cuecast.gateway.history.size", HistorySettings.DEFAULT_SIZE, 1, 100_000),
                Duration.ofSeconds(settings.integer("cuecast.gateway.history.max-age-seconds",
                        (int) HistorySettings.DEFAULT_MAX_AGE.toSeconds(), 1, 86_400)),
                settings.parsed("cuecast.gateway.latest-value-streams", "state", HistorySettings::streamsNamed),
                cluster.epoch().orElse(null));
        LivenessSettings liveness = new LivenessSettings(
                seconds(settings, "cuecast.gateway.ping-interval-seconds", LivenessSettings.DEFAULT_PING_INTERVAL),
                seconds(settings, "cuecast.gateway.idle-timeout-seconds", LivenessSettings.DEFAULT_IDLE_TIMEOUT),
                seconds(settings, "cuecast.gateway.slow-consumer-timeout-seconds",
                        LivenessSettings.DEFAULT_SLOW_CONSUMER_TIMEOUT));
        AuthSettings auth = AuthSettings.from(settings, Clock.systemUTC());
        // max_fps and min_fps need sub-second timing, which the once-a-second housekeeping cannot give.
        ScheduledFlushTimer flushTimer = new ScheduledFlushTimer(Clock.systemUTC());
        List<QualityLevel> frameLevels = settings.parsed("cuecast.frames.quality-levels",
                QualityLevels.DEFAULT_SPEC, QualityLevels::parseLevels);
        QualityLevels frameQualities = settings.parsed("cuecast.frames.default-quality-level",
                QualityLevels.DEFAULT_LEVEL, name -> QualityLevels.withDefault(frameLevels, name));
        AckSettings acks = new AckSettings(
                settings.parsed("cuecast.gateway.ack.streams", "alert", HistorySettings::streamsNamed),
                seconds(settings, "cuecast.gateway.ack.timeout-seconds", AckSettings.DEFAULT_TIMEOUT),
                settings.integer("cuecast.gateway.ack.max-deliveries", AckSettings.DEFAULT_MAX_DELIVERIES, 1, 100));
        int eventLoops = settings.integer("cuecast.http.event-loops", VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, 1, 1024);
        DeadLetterStore deadLetters = openDeadLetters(context, settings);
        // Registered at once, so that the store (and its folder lock) is closed even if a later setting fails.
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                deadLetters.close();
            }
        });
        // Beside the dead letters, whose folder lock keeps a second process away from both.
        FileAckJournal ackJournal = FileAckJournal.open(deadLetters.directory());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                ackJournal.close();
            }
        });
        KafkaHistory kafkaHistory = new KafkaHistory(cluster);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                kafkaHistory.close();
            }
        });
        Gateway gateway = new Gateway(new GatewaySettings(
                // Vert.x puts together at most 256 KiB per message (its HttpServerOptions default).
                settings.integer("cuecast.gateway.max-message-bytes", 65536, 256, 256 * 1024),
                settings.integer("cuecast.gateway.rate-limit-per-minute", 100, 1, 1_000_000), version, history,
                liveness, frameQualities, settings.parsed("cuecast.tables", Tables.DEFAULT_ID,
                        ids -> Tables.of(List.of(ids.trim().split("\\s*,\\s*"))))), Clock.systemUTC(), auth, flushTimer, acks,
                new GatewayDeadLetters(deadLetters), ackJournal,
                cluster.consumesFromKafka() ? kafkaHistory : OlderHistory.NONE);
        flushTimer.drive(gateway::flushDue);
        FrameStreamFeed frameStream = new FrameStreamFeed(gateway, frameQualities,
                settings.decimal("cuecast.frames.max-fps", 15, 0.1, 120));
        VideoSettings.Built videoBuilt = VideoSettings.build(settings);
        VideoFeed video = videoBuilt.feed();
        CircuitBreakers breakers = new CircuitBreakers(context);
        double staleAfterSeconds = settings.decimal("cuecast.camera.stale-after-seconds", 2, 0.1, 3600);
        HealthReport health = new HealthReport(poller.status(), frames::droppedCount, vision,
                gateway::connectionCount, video, staleAfterSeconds, version,
                breakers::states, () -> CuecastHealthChecks.camelPart(context));
        if (!cluster.roles().vision()) {
            health.withoutCamera();
        }
        CuecastHealthChecks.register(context, health);
        routeInteger(context, settings, "cuecast.camera.breaker.failures", 10, 1, 10_000);
        routeInteger(context, settings, "cuecast.camera.breaker.open-seconds", 5, 1, 3600);
        publicationSettings(context, settings);

        LOG.info("Cuecast {} on {}, {} table; WebSocket clients: {}", version, source.description(), table.name(),
                auth.authenticator());
        Registry registry = context.getRegistry();
        // One Vert.x for the HTTP server and the WebSocket consumer, so that both share one port.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        registry.bind("vertx", vertx);
        registry.bind("vertx-websocket", new OrderedWebsocketComponent());
        registry.bind("frameSource", source);
        registry.bind("cameraPoller", poller);
        registry.bind("latestFrames", frames);
        registry.bind("visionStage", vision);
        registry.bind("stillFrames", stillFrames);
        registry.bind("stateStage", state);
        registry.bind("gameApi", new GameApi(state.record()));
        registry.bind("projectorApi", new ProjectorApi(CornersFile.open(Path.of(settings.string(
                "cuecast.projector.keystone-file", "data/projector-keystone.json")), "cuecast.projector.keystone-file",
                FourCorners.Surface.SCREEN, "the projector calibration")));
        registry.bind("calibrationApi", new CalibrationApi(manualOutline, vision, lens.status()));
        registry.bind("eventPhysics", physics);
        registry.bind("predictionStage", new PredictionStage(physics, prediction));
        registry.bind("gateway", gateway);
        ConnectionSettings.Built connections = ConnectionSettings.build(settings, gateway, Clock.systemUTC());
        registry.bind("webSocketEvents", connections.events());
        registry.bind("streamPublication", new StreamPublication(gateway));
        VisionNodes visionNodes = new VisionNodes(Clock.systemUTC());
        ClusterWiring.wire(context, cluster, gateway, visionNodes, kafkaHistory);
        registry.bind("gatewayAdmin", new GatewayAdmin(gateway));
        registry.bind("tablesApi", new TablesApi(gateway, Duration.ofMillis(Math.round(staleAfterSeconds * 1000)),
                visionNodes::of));
        registry.bind("pipelineControl", new PipelineControl(context));
        registry.bind("videoFeed", video);
        registry.bind("frameStreamFeed", frameStream);
        registry.bind("operatorFrames", new OperatorFrames(frameStream));
        registry.bind("healthReport", health);
        registry.bind("configAdmin", new ConfigAdmin(new LiveConfig(
                List.of(stateBuilt.section(), videoBuilt.section(), connections.section()))));
        registry.bind("cameraOutage", new OutageAlerts("camera", "CAMERA_DOWN"));
        registry.bind("publicationOutages", new PublicationOutages(Stream.ALERT.wireName()));
        registry.bind("deadLetterOutage", new OutageAlerts("the dead-letter store", "DEAD_LETTERS_FAILING"));

        registry.bind("frameRelease", new FrameRelease());
        registry.bind("deadLetterRecorder", new DeadLetterRecorder(deadLetters));
        registry.bind("deadLetterApi", new DeadLetterApi(deadLetters, new DeadLetterReplayer(context, deadLetters)));

        MjpegHttpEndpoint mjpeg = new MjpegHttpEndpoint(video);
        PipelineMetrics metrics = new PipelineMetrics(poller.status(), frames::droppedCount, stillFrames::skipped, vision, gateway,
                breakers::states);
        registry.bind("pipelineMetrics", metrics);
        int httpPort = settings.integer("camel.server.port", 8080, 1, 65535);
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the HTTP server's router exists only once the context has started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                MeterRegistry meters = started.getRegistry().lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
                if (meters != null) {
                    metrics.bindTo(meters);
                    new DeadLetterMetrics(deadLetters).bindTo(meters);
                }
                VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(started,
                        VertxPlatformHttpRouter.getRouterNameFromPort(httpPort));
                mjpeg.mount(router, "/api/v1/stream/video");
                WebPages.mount(router);
                if (auth.authenticator().required()) {
                    HttpAccess admins = BearerAccess.admins(auth.authenticator());
                    AdminGuard.mount(router, "/api/v1/websocket", admins);
                    AdminGuard.mount(router, "/api/v1/config", admins);
                    AdminGuard.mount(router, "/api/v1/dead-letters", admins);
                    // The game API serves what the streams carry, to whoever may read them.
                    AdminGuard.mount(router, "/api/v1/game/state", BearerAccess.readersOf(auth.authenticator(), Stream.STATE));
                    AdminGuard.mount(router, "/api/v1/game/events", BearerAccess.readersOf(auth.authenticator(), Stream.EVENTS));
                    AdminGuard.mount(router, "/api/v1/projector", admins);
                    AdminGuard.mount(router, "/api/v1/calibration", admins);
                    // Which tables there are and whether they are live: for whoever may read their state.
                    AdminGuard.mount(router, "/api/v1/tables", BearerAccess.readersOf(auth.authenticator(), Stream.STATE));
                }
            }
        });
        context.addService(new Closer(source, video, frameStream, vertx, flushTimer));
    }

    /**
     * The dead-letter store, and a check of the retry settings the routes read as placeholders
     * (routes/pipeline-errors.camel.yaml), through routeSetting like the other route placeholders.
     */
    private static DeadLetterStore openDeadLetters(CamelContext context, Settings settings) {
        routeInteger(context, settings, "cuecast.dead-letters.max-redeliveries", 2, 0, 10);
        routeInteger(context, settings, "cuecast.dead-letters.redelivery-delay-ms", 50, 0, 60_000);
        routeSetting(context, "cuecast.dead-letters.backoff-multiplier",
                settings.decimal("cuecast.dead-letters.backoff-multiplier", 2, 1, 10));
        routeInteger(context, settings, "cuecast.dead-letters.max-redelivery-delay-ms", 1000, 0, 60_000);
        routeInteger(context, settings, "cuecast.dead-letters.breaker.failures", 5, 1, 10_000);
        routeInteger(context, settings, "cuecast.dead-letters.breaker.open-seconds", 5, 1, 3600);
        long maxBytes = settings.integer("cuecast.dead-letters.max-file-mb", 256, 1, 65_536) * 1024L * 1024L;
        Path dir = settings.parsed("cuecast.dead-letters.dir", "data/dead-letters", Path::of);
        try {
            return DeadLetterStore.open(dir, maxBytes, Clock.systemUTC());
        } catch (UncheckedIOException e) {
            throw new ConfigException("config key 'cuecast.dead-letters.dir' is '" + dir + "': " + e.getMessage(), e);
        }
    }

    /**
     * The placeholders of routes/publish.camel.yaml: each stream's most messages a second, and the
     * publication breakers' threshold and open time.
     */
    private static void publicationSettings(CamelContext context, Settings settings) {
        for (Stream stream : Stream.values()) {
            String key = "cuecast.publish." + stream.wireName() + ".max-rate";
            routeInteger(context, settings, key, DEFAULT_MAX_RATE, 1, 100_000);
        }
        routeInteger(context, settings, "cuecast.publish.breaker.failures", 5, 1, 10_000);
        routeInteger(context, settings, "cuecast.publish.breaker.open-seconds", 5, 1, 3600);
    }

    /** A whole number of seconds, 1 s to a day. */
    private static Duration seconds(Settings settings, String key, Duration fallback) {
        return Duration.ofSeconds(settings.integer(key, (int) fallback.toSeconds(), 1, 86_400));
    }

    /** Closes the camera and the video encoders when Camel stops. */
    private static final class Closer extends ServiceSupport {
        private final FrameSource source;
        private final VideoFeed video;
        private final FrameStreamFeed frameStream;
        private final Vertx vertx;
        private final ScheduledFlushTimer flushTimer;

        Closer(FrameSource source, VideoFeed video, FrameStreamFeed frameStream, Vertx vertx,
               ScheduledFlushTimer flushTimer) {
            this.source = source;
            this.video = video;
            this.frameStream = frameStream;
            this.vertx = vertx;
            this.flushTimer = flushTimer;
        }

        @Override
        protected void doStop() {
            flushTimer.close();
            video.close();
            frameStream.close();
            source.close();
            vertx.close();
        }
    }

    /**
     * A setting the routes read as a placeholder: checked here, so that a bad value fails at startup
     * with a clear message, and given its default for configs that leave it out.
     */
    /** {@link #routeSetting} of a whole-number key, checked to lie within [min, max]. */
    private static void routeInteger(CamelContext context, Settings settings, String key, int fallback, int min, int max) {
        routeSetting(context, key, settings.integer(key, fallback, min, max));
    }

    private static void routeSetting(CamelContext context, String key, Object checkedValue) {
        context.getPropertiesComponent().addInitialProperty(key, String.valueOf(checkedValue));
    }
}

package io.cuecast.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket gateway, free of any transport: the adapter reports opens, messages and closes,
 * and the pipeline publishes stream messages. All methods are thread-safe.
 *
 * <p>Threading assumption: the adapter delivers one connection's events (connect, receive,
 * disconnect) one at a time and in order, as a Vert.x event loop does; different connections and
 * publishes may run on any threads at once.
 */
public final class Gateway {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final GatewaySettings settings;
    private final Clock clock;
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    /** Looks sessions up by the adapter's key; who is subscribed to what lives only in the registry. */
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final StreamPublisher publisher;
    private final FramePublisher frames;
    private final DeliveryCounter deliveries = new DeliveryCounter();
    private final ProtocolHandler protocol;
    private final LivenessCheck liveness;

    public Gateway(GatewaySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * @param clock the time source for timestamps, uptime, ping latency, rate limiting, history age
     *              and the liveness timeouts
     */
    public Gateway(GatewaySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        ObjectMapper mapper = new ObjectMapper();
        MessageEncoder encoder = new MessageEncoder(mapper, clock);
        StreamLocks locks = new StreamLocks();
        StreamHistory history = new InMemoryStreamHistory(settings.history(), clock);
        FieldProjector projector = new FieldProjector(mapper);
        this.publisher = new StreamPublisher(registry, locks, encoder, history, clock, projector, deliveries);
        this.frames = new FramePublisher(registry, locks, history, clock, mapper, settings.frameQualities(),
                deliveries);
        this.liveness = new LivenessCheck(settings.liveness(), encoder);
        this.protocol = new ProtocolHandler(settings, registry, locks, encoder, mapper, clock, history, liveness,
                projector);
    }

    /**
     * Opens a session for a new connection and sends it the welcome message. The client gets no
     * stream messages until it subscribes.
     *
     * @throws IllegalStateException if the key is already connected
     */
    public ClientSession connect(String connectionKey, ClientChannel channel, String remoteAddress) {
        Objects.requireNonNull(connectionKey, "connectionKey");
        Objects.requireNonNull(channel, "channel");
        ClientSession session = new ClientSession(UUID.randomUUID().toString(), connectionKey, remoteAddress,
                Timestamps.now(clock), channel, new RateLimiter(settings.rateLimitPerMinute(), RATE_WINDOW));
        if (sessions.putIfAbsent(connectionKey, session) != null) {
            throw new IllegalStateException("connection key '" + connectionKey + "' is already connected");
        }
        registry.register(session);
        LOG.info("Client {} connected from {}", session.clientId(), remoteAddress);
        protocol.welcome(session);
        return session;
    }

    /**
     * Handles one text message from the client; replies go to its channel. Never throws for
     * anything the client sent. Messages for an unknown (already closed) key are ignored.
     */
    public void receive(String connectionKey, String text) {
        ClientSession session = sessions.get(connectionKey);
        if (session == null) {
            LOG.debug("Ignoring a message for unknown connection {}", connectionKey);
            return;
        }
        protocol.handle(session, text);
    }

    /** Ends the session and all its subscriptions at once. Idempotent. */
    public void disconnect(String connectionKey) {
        ClientSession session = sessions.remove(connectionKey);
        if (session != null) {
            registry.remove(session);
            LOG.info("Client {} disconnected", session.clientId());
        }
    }

    /**
     * Publishes one message on a stream to its current subscribers; see {@link StreamPublisher}
     * for sequencing and the slow-consumer policy. Never blocks on a client.
     *
     * @param data any Jackson-serializable value (Map, record, bean); serialized once
     * @throws IllegalArgumentException if {@code data} cannot be serialized, or for the frame stream
     */
    public PublishResult publish(Stream stream, Object data) {
        if (stream == Stream.FRAME) {
            // Frames are binary and kept out of history; as JSON they would crash browsers again.
            throw new IllegalArgumentException("the frame stream carries binary frames: use publishFrame");
        }
        return publisher.publish(stream, data);
    }

    /**
     * Sends a video frame to the frame stream's subscribers as binary messages, encoded once per
     * quality level someone is due to get; see {@link FramePublisher}. Encoding runs on the calling
     * thread, so call it from neither an event loop nor the detection thread. Never blocks on a client.
     *
     * @return empty when no subscriber wanted the frame: nothing was encoded or numbered
     */
    public Optional<PublishResult> publishFrame(LiveFrame frame) {
        return frames.publish(frame);
    }

    /** Whether anyone subscribes to the frame stream; without that, frames need not even be copied. */
    public boolean hasFrameSubscribers() {
        return frames.hasSubscribers();
    }

    /** How many times the frame stream has encoded each quality level, in the configured order. */
    public Map<String, Long> frameEncodesByLevel() {
        return frames.encodesByLevel();
    }

    /**
     * Pings clients that have gone quiet, and closes (and forgets) those silent past the idle
     * timeout or behind past the slow-consumer timeout; see {@link LivenessSettings}. Meant to be
     * called about once a second, which is the precision the timeouts are kept to.
     */
    public void sweep() {
        Instant now = Timestamps.now(clock);
        for (ClientSession session : sessions.values()) {
            try {
                liveness.check(session, now).ifPresent(closing -> close(session, closing));
            } catch (RuntimeException e) {
                // One broken client must not stop the sweep for the others.
                LOG.warn("Checking the liveness of client {} failed", session.clientId(), e);
            }
        }
    }

    private void close(ClientSession session, Closing closing) {
        LOG.info("Closing client {} ({}) with {}: {}", session.clientId(), session.remoteAddress(),
                closing.code(), closing.reason());
        try {
            session.channel().close(closing.code(), closing.reason());
        } finally {
            // Forgotten at once, not when the adapter reports the close, so no more messages are queued.
            disconnect(session.connectionKey());
        }
    }

    public int connectionCount() {
        return sessions.size();
    }

    public Optional<ClientSession> session(String connectionKey) {
        return Optional.ofNullable(sessions.get(connectionKey));
    }

    /** Who is subscribed to what: the registry every reader (REST, metrics) should query. */
    public SubscriptionRegistry subscriptions() {
        return registry;
    }

    /** Every open session, in no particular order. */
    public List<ClientSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /** The open session with this client id (the id clients and the REST API know). */
    public Optional<ClientSession> sessionOfClient(String clientId) {
        return sessions.values().stream().filter(s -> s.clientId().equals(clientId)).findFirst();
    }

    /** A session's figures, the same as its {@code get_status} reply's data. */
    public Object statusOf(ClientSession session) {
        return protocol.statusOf(session);
    }

    public GatewaySnapshot snapshot() {
        return new GatewaySnapshot(connectionCount(), registry.subscriberCounts(), publisher.lastSequences(),
                deliveries.delivered(), deliveries.dropped(), deliveries.failed());
    }
}

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
    private final ProtocolHandler protocol;
    private final LivenessCheck liveness;
    private final AckTracker acks;

    public Gateway(GatewaySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A gateway in which no stream needs acks. */
    public Gateway(GatewaySettings settings, Clock clock) {
        this(settings, clock, AckSettings.NONE, message -> LOG.warn("Undelivered: {}", message.describe()));
    }

    /**
     * @param clock the time source for timestamps, uptime, ping latency, rate limiting, history age
     *              and the liveness timeouts, and the ack timeout
     * @param ackSettings which streams need client acks, and how often to send them before giving up
     * @param undelivered where messages that never got their ack go (the dead-letter channel)
     */
    public Gateway(GatewaySettings settings, Clock clock, AckSettings ackSettings, UndeliveredSink undelivered) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        ObjectMapper mapper = new ObjectMapper();
        MessageEncoder encoder = new MessageEncoder(mapper, clock);
        StreamLocks locks = new StreamLocks();
        StreamHistory history = new InMemoryStreamHistory(settings.history(), clock);
        FieldProjector projector = new FieldProjector(mapper);
        this.acks = new AckTracker(ackSettings, undelivered, mapper, history::lastSequence);
        this.publisher = new StreamPublisher(registry, locks, encoder, history, clock, projector, acks);
        this.liveness = new LivenessCheck(settings.liveness(), encoder);
        this.protocol = new ProtocolHandler(settings, registry, locks, encoder, mapper, clock, history, liveness,
                projector, acks);
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
        acks.open(session);
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

    /**
     * Ends the session and all its subscriptions at once; messages it had not acknowledged go to
     * the undelivered sink. Idempotent.
     */
    public void disconnect(String connectionKey) {
        ClientSession session = sessions.remove(connectionKey);
        if (session != null) {
            registry.remove(session);
            acks.forget(session);
            LOG.info("Client {} disconnected", session.clientId());
        }
    }

    /**
     * Publishes one message on a stream to its current subscribers; see {@link StreamPublisher}
     * for sequencing and the slow-consumer policy. Never blocks on a client.
     *
     * @param data any Jackson-serializable value (Map, record, bean); serialized once
     * @throws IllegalArgumentException if {@code data} cannot be serialized
     */
    public PublishResult publish(Stream stream, Object data) {
        return publisher.publish(stream, data);
    }

    /**
     * Pings clients that have gone quiet, and closes (and forgets) those silent past the idle
     * timeout or behind past the slow-consumer timeout; see {@link LivenessSettings}. Sends again
     * the messages whose ack is overdue, and gives up on those sent too often; see
     * {@link AckSettings}. Meant to be
     * called about once a second, which is the precision the timeouts are kept to.
     */
    public void sweep() {
        Instant now = Timestamps.now(clock);
        for (ClientSession session : sessions.values()) {
            try {
                acks.sweep(session, now);
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

    /** Messages the client has not acknowledged yet (streams that need acks only). */
    public int pendingAcks(ClientSession session) {
        return acks.pendingCount(session);
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
                publisher.delivered(), publisher.dropped(), publisher.failed());
    }
}

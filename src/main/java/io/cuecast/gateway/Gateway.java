package io.cuecast.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.gateway.auth.AuthSettings;
import io.cuecast.gateway.auth.AuthenticationException;
import io.cuecast.gateway.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
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
    private final TableActivity activity = new TableActivity();
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    /** Looks sessions up by the adapter's key; who is subscribed to what lives only in the registry. */
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final StreamPublisher publisher;
    private final FramePublisher frames;
    private final DeliveryCounter deliveries = new DeliveryCounter();
    private final ProtocolHandler protocol;
    private final LivenessCheck liveness;
    /** Connections the gateway closed itself, by close code (a slow consumer's 3008, say). */
    private final Map<Integer, LongAdder> closedByServer = new ConcurrentHashMap<>();
    private final AckTracker acks;
    private final AuthSettings auth;
    private final MessageEncoder encoder;

    public Gateway(GatewaySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * @param clock the time source for timestamps, uptime, ping latency, rate limiting, history age
     *              and the liveness timeouts
     */
    public Gateway(GatewaySettings settings, Clock clock) {
        this(settings, clock, AuthSettings.open(), FlushTimer.MANUAL);
    }

    /** @param auth how clients authenticate and what they may read; see {@link AuthSettings} */
    public Gateway(GatewaySettings settings, Clock clock, AuthSettings auth) {
        this(settings, clock, auth, FlushTimer.MANUAL);
    }

    /**
     * @param flushTimer wakes {@link #flushDue()} when max_fps or min_fps has something due;
     *                   {@link FlushTimer#MANUAL} when the caller runs it
     */
    public Gateway(GatewaySettings settings, Clock clock, FlushTimer flushTimer) {
        this(settings, clock, AuthSettings.open(), flushTimer);
    }

    /**
     * @param auth       how clients authenticate and what they may read; see {@link AuthSettings}
     * @param flushTimer wakes {@link #flushDue()} when max_fps or min_fps has something due;
     *                   {@link FlushTimer#MANUAL} when the caller runs it. No stream needs acks.
     */
    public Gateway(GatewaySettings settings, Clock clock, AuthSettings auth, FlushTimer flushTimer) {
        this(settings, clock, auth, flushTimer, AckSettings.NONE,
                message -> LOG.warn("Undelivered: {}", message.describe()));
    }

    /**
     * @param clock       the time source for timestamps, uptime, ping latency, rate limiting, history
     *                    age, the liveness timeouts and the ack timeout
     * @param auth        how clients authenticate and what they may read; see {@link AuthSettings}
     * @param flushTimer  wakes {@link #flushDue()} when max_fps or min_fps has something due;
     *                    {@link FlushTimer#MANUAL} when the caller runs it
     * @param ackSettings which streams need client acks, and how often to send them before giving up
     * @param undelivered where messages that never got their ack go (the dead-letter channel)
     */
    public Gateway(GatewaySettings settings, Clock clock, AuthSettings auth, FlushTimer flushTimer,
                   AckSettings ackSettings, UndeliveredSink undelivered) {
        this(settings, clock, auth, flushTimer, ackSettings, undelivered, AckJournal.NONE, OlderHistory.NONE);
    }

    /**
     * As above, with awaited acks noted in a journal: what a previous run still awaited when it
     * stopped goes to {@code undelivered} now, and what this run awaits survives a crash.
     *
     * @param older where a resume that reaches back further than this gateway's history is read
     *              from; {@link OlderHistory#NONE} on a single node
     */
    public Gateway(GatewaySettings settings, Clock clock, AuthSettings auth, FlushTimer flushTimer,
                   AckSettings ackSettings, UndeliveredSink undelivered, AckJournal ackJournal,
                   OlderHistory older) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        ObjectMapper mapper = new ObjectMapper();
        this.encoder = new MessageEncoder(mapper, clock);
        StreamLocks locks = new StreamLocks();
        StreamHistory history = new InMemoryStreamHistory(settings.history(), settings.tables(), clock);
        FieldProjector projector = new FieldProjector(mapper);
        this.acks = new AckTracker(ackSettings, undelivered, projector, history::lastSequence,
                Objects.requireNonNull(ackJournal, "ackJournal"));
        acks.recoverFromLastRun();
        this.publisher = new StreamPublisher(registry, locks, encoder, history, clock, projector,
                Objects.requireNonNull(flushTimer, "flushTimer"), deliveries, acks);
        this.frames = new FramePublisher(registry, locks, history, clock, mapper, settings.frameQualities(),
                deliveries);
        this.liveness = new LivenessCheck(settings.liveness(), encoder);
        this.protocol = new ProtocolHandler(settings, registry, locks, encoder, mapper, clock, history, liveness,
                projector, auth.authenticator(), publisher, acks, Objects.requireNonNull(older, "older"));
    }

    /**
     * Opens a session for a new connection and sends it the welcome message. The client gets no
     * stream messages until it subscribes.
     *
     * @throws IllegalStateException if the key is already connected
     */
    public ClientSession connect(String connectionKey, ClientChannel channel, String remoteAddress) {
        return open(connectionKey, channel, remoteAddress,
                auth.authenticator().required() ? null : Principal.ANONYMOUS);
    }

    /**
     * Opens a session for a connection that presents its token as it opens ({@code ?token=}). When
     * authentication is on, a missing or bad token closes the channel with 4401 before any
     * welcome; a good one is followed by the welcome and an {@code authenticated} message. Under
     * open access the token is not read.
     *
     * @param token the token or API key, or null when the client gave none
     * @return the session, or empty when the connection was refused (and closed)
     */
    public Optional<ClientSession> connect(String connectionKey, ClientChannel channel, String remoteAddress,
                                           String token) {
        if (!auth.authenticator().required()) {
            return Optional.of(connect(connectionKey, channel, remoteAddress));
        }
        Principal principal;
        try {
            if (token == null || token.isEmpty()) {
                throw new AuthenticationException("a token is required: add ?token=... to the URL");
            }
            principal = auth.authenticator().authenticate(token);
        } catch (AuthenticationException e) {
            Closing refusal = Closing.unauthorized(e.getMessage());
            LOG.info("Refused a connection from {} with {}: {}", remoteAddress, refusal.code(), refusal.reason());
            channel.close(refusal.code(), refusal.reason());
            return Optional.empty();
        }
        ClientSession session = open(connectionKey, channel, remoteAddress, principal);
        protocol.authenticated(session);
        return Optional.of(session);
    }

    /** @param principal null when the client has yet to authenticate */
    private ClientSession open(String connectionKey, ClientChannel channel, String remoteAddress, Principal principal) {
        Objects.requireNonNull(connectionKey, "connectionKey");
        Objects.requireNonNull(channel, "channel");
        ClientSession session = new ClientSession(UUID.randomUUID().toString(), connectionKey, remoteAddress,
                Timestamps.now(clock), channel, new RateLimiter(settings.rateLimitPerMinute(), RATE_WINDOW));
        if (principal != null) {
            session.authenticated(principal);
        }
        if (sessions.putIfAbsent(connectionKey, session) != null) {
            throw new IllegalStateException("connection key '" + connectionKey + "' is already connected");
        }
        registry.register(session);
        acks.open(session);
        LOG.info("Client {} connected from {}{}", session.clientId(), remoteAddress,
                principal == null || principal.subject() == null ? "" : " as " + principal.subject());
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
        protocol.handle(session, text).ifPresent(closing -> close(session, closing));
    }

    /**
     * Refuses a message that the transport's {@link InboundMessageGuard} stopped before it was
     * complete: the client gets an error reply naming the problem, then the close (1009 or 1007).
     *
     * @param bytes the size of the message so far
     */
    public void refuse(String connectionKey, InboundMessageGuard.Verdict verdict, long bytes) {
        ClientSession session = sessions.get(connectionKey);
        if (session == null) {
            return;
        }
        Closing closing = switch (verdict) {
            case TOO_LARGE -> protocol.refuseTooLarge(session, bytes);
            case INVALID_UTF8 -> protocol.refuseInvalidUtf8(session);
            case ACCEPT -> throw new IllegalArgumentException("an accepted message is not refused");
        };
        close(session, closing);
    }

    /** The largest client message accepted, in bytes, for the transport's {@link InboundMessageGuard}. */
    public int maxMessageBytes() {
        return settings.maxMessageBytes();
    }

    /**
     * Ends the session and all its subscriptions at once; messages it had not acknowledged go to
     * the undelivered sink. Idempotent.
     */
    public void disconnect(String connectionKey) {
        ClientSession session = sessions.get(connectionKey);
        if (session != null && forget(session)) {
            LOG.info("Client {} disconnected", session.clientId());
        }
    }

    /**
     * Ends a session: its subscriptions, and the messages it still owes acks for, which go to the
     * dead letters. Only the first caller succeeds, though an I/O thread and a worker may race.
     */
    private boolean forget(ClientSession session) {
        if (!sessions.remove(session.connectionKey(), session)) {
            return false;
        }
        registry.remove(session);
        acks.forget(session);
        return true;
    }

    /** Publishes on the default table's stream; see {@link #publish(String, Stream, Object)}. */
    public Publication publish(Stream stream, Object data) {
        return publish(settings.tables().defaultId(), stream, data);
    }

    /**
     * Publishes one message on a table's stream to its current subscribers; see
     * {@link StreamPublisher} for sequencing and the slow-consumer policy. Never blocks on a client.
     *
     * @param data any Jackson-serializable value (Map, record, bean); serialized once
     * @throws IllegalArgumentException if {@code data} cannot be serialized, for an unknown table,
     *                                  or for the frame stream
     */
    public Publication publish(String table, Stream stream, Object data) {
        // Frames are binary and kept out of history; as JSON they would crash browsers again.
        TableStream target = new TableStream(requireTable(table), requireMessageStream(stream));
        Publication publication = publisher.publish(target, data);
        activity.published(target, clock.instant());
        return publication;
    }

    /**
     * Numbers and encodes a message for other nodes' gateways (a vision node of a Kafka cluster, see
     * docs/SCALING.md) without publishing it here.
     *
     * @throws IllegalArgumentException as {@link #publish(String, Stream, Object)}
     */
    public NumberedMessage encode(String table, Stream stream, long sequence, Object data) {
        TableStream target = new TableStream(requireTable(table), requireMessageStream(stream));
        return new NumberedMessage(table, stream, sequence, encoder.encodeStream(target, sequence, data).text());
    }

    /**
     * Publishes a message numbered where it was published (see {@link StreamPublisher#publishNumbered}).
     *
     * @return empty when its sequence was already published here (Kafka delivered it again)
     * @throws IllegalArgumentException for an unknown table or the frame stream
     */
    public Optional<Publication> publishNumbered(NumberedMessage message) {
        TableStream target = new TableStream(requireTable(message.table()), requireMessageStream(message.stream()));
        Optional<Publication> publication = publisher.publishNumbered(target, message.sequence(),
                EncodedMessage.of(message.json()));
        publication.ifPresent(published -> activity.published(target, clock.instant()));
        return publication;
    }

    private static Stream requireMessageStream(Stream stream) {
        if (stream == Stream.FRAME) {
            throw new IllegalArgumentException("the frame stream carries binary frames: use publishFrame");
        }
        return stream;
    }

    private String requireTable(String table) {
        if (!settings.tables().contains(table)) {
            throw new IllegalArgumentException("no table '" + table + "' here; the tables are " + settings.tables());
        }
        return table;
    }

    /** The tables this gateway serves. */
    public Tables tables() {
        return settings.tables();
    }

    /**
     * Sends what max_fps held back once its interval has ended, and the repeats min_fps asks for;
     * the {@link FlushTimer} calls it when something is due. Frames are never held back.
     *
     * @return when something is next due, or empty when nothing is waiting
     */
    public Optional<Instant> flushDue() {
        return publisher.flushDue();
    }

    /**
     * Sends a video frame to the frame stream's subscribers as binary messages, encoded once per
     * quality level someone is due to get; see {@link FramePublisher}. Encoding runs on the calling
     * thread, so call it from neither an event loop nor the detection thread. Never blocks on a client.
     *
     * @return empty when no subscriber wanted the frame: nothing was encoded or numbered
     */
    public Optional<PublishResult> publishFrame(String table, LiveFrame frame) {
        Optional<PublishResult> result = frames.publish(requireTable(table), frame);
        result.ifPresent(published -> activity.published(new TableStream(table, Stream.FRAME), clock.instant()));
        return result;
    }

    /** Sends a video frame on the default table; see {@link #publishFrame(String, LiveFrame)}. */
    public Optional<PublishResult> publishFrame(LiveFrame frame) {
        return publishFrame(settings.tables().defaultId(), frame);
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
                session.noteTraffic(now);
                authenticationEnded(session, now).or(() -> liveness.check(session, now))
                        .ifPresent(closing -> close(session, closing));
            } catch (RuntimeException e) {
                // One broken client must not stop the sweep for the others.
                LOG.warn("Checking the liveness of client {} failed", session.clientId(), e);
            }
        }
    }

    /**
     * A client that connected without a token and has not sent a good {@code auth} in time, or one
     * whose token has expired since.
     */
    private Optional<Closing> authenticationEnded(ClientSession session, Instant now) {
        Optional<Principal> principal = session.principal();
        if (principal.isEmpty() && Duration.between(session.connectedAt(), now).compareTo(auth.timeout()) > 0) {
            return Optional.of(Closing.unauthorized("not authenticated within " + auth.timeout().toSeconds() + " s"));
        }
        return principal.filter(p -> p.expiredAt(now)).map(p -> Closing.unauthorized("token expired"));
    }

    private void close(ClientSession session, Closing closing) {
        // Forgotten at once, not when the adapter reports the close, so no more messages are queued.
        if (!forget(session)) {
            return;
        }
        closedByServer.computeIfAbsent(closing.code(), code -> new LongAdder()).increment();
        LOG.info("Closing client {} ({}) with {}: {}", session.clientId(), session.remoteAddress(),
                closing.code(), closing.reason());
        session.channel().close(closing.code(), closing.reason());
    }

    /** Stream messages handed to clients on this stream since start (each client's copy counts). */
    public long messagesSent(Stream stream) {
        return deliveries.totalsOf(stream).messages();
    }

    /** Bytes of the stream messages handed to clients on this stream since start. */
    public long bytesSent(Stream stream) {
        return deliveries.totalsOf(stream).bytes();
    }

    /** Stream messages on this stream that clients did not get (queue full or send failed). */
    public long messagesDropped(Stream stream) {
        return deliveries.totalsOf(stream).dropped();
    }

    /** Every close code the gateway may close a connection with itself. */
    public static List<Integer> serverCloseCodes() {
        return Closing.CODES;
    }

    /** How many connections the gateway has closed itself with this code. */
    public long closedByServer(int code) {
        LongAdder count = closedByServer.get(code);
        return count == null ? 0 : count.sum();
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

    /** How many open connections are at each quality level, every level present. */
    public Map<LinkQuality.Level, Integer> linkQualities() {
        Map<LinkQuality.Level, Integer> counts = new EnumMap<>(LinkQuality.Level.class);
        for (LinkQuality.Level level : LinkQuality.Level.values()) {
            counts.put(level, 0);
        }
        sessions.values().forEach(session -> counts.merge(session.link().qualityLevel(), 1, Integer::sum));
        return counts;
    }

    /**
     * Each table's health, subscribers and stream positions, in configured order.
     *
     * @param staleAfter a table whose state stream has published nothing for longer is DOWN
     */
    public List<TableReport> tableReports(Duration staleAfter) {
        Map<String, Integer> subscribers = registry.subscriberCountsByTable();
        Instant now = clock.instant();
        Map<String, Map<Stream, Long>> sequences = publisher.lastSequences(settings.tables());
        return settings.tables().ids().stream().map(table -> activity.report(table, sequences.get(table),
                subscribers.getOrDefault(table, 0), now, staleAfter)).toList();
    }

    public GatewaySnapshot snapshot() {
        return new GatewaySnapshot(connectionCount(), registry.subscriberCounts(), publisher.lastSequences(settings.tables()),
                deliveries.delivered(), deliveries.dropped(), deliveries.failed());
    }
}

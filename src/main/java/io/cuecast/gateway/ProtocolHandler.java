package io.cuecast.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cuecast.gateway.auth.AuthenticationException;
import io.cuecast.gateway.auth.Authenticator;
import io.cuecast.gateway.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the client-to-server protocol: one text message in, the reply out on the same client's
 * channel. See docs/PROTOCOL.md for the messages and error codes.
 */
final class ProtocolHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolHandler.class);

    private static final String SUBSCRIBE = "subscribe";
    private static final String UNSUBSCRIBE = "unsubscribe";
    private static final String PING = "ping";
    private static final String GET_STATUS = "get_status";
    private static final String ACK = "ack";
    /** A client's answer to the server's ping; any message would do, this one says so. */
    private static final String PONG = "pong";
    private static final String AUTH = "auth";
    /** What a client may send before it has authenticated: the auth itself, and the heartbeat. */
    private static final Set<String> BEFORE_AUTH = Set.of(AUTH, PING, PONG);

    private final GatewaySettings settings;
    private final SubscriptionRegistry registry;
    private final StreamLocks locks;
    private final MessageEncoder encoder;
    private final Clock clock;
    private final StreamHistory history;
    private final CatchUpPolicy catchUp;
    private final LivenessCheck liveness;
    private final FieldProjector projector;
    private final Authenticator authenticator;
    private final StreamPublisher publisher;
    private final AckTracker acks;
    /** Strict about trailing garbage, so "{...} junk" is INVALID_JSON rather than silently half-read. */
    private final ObjectReader reader;

    ProtocolHandler(GatewaySettings settings, SubscriptionRegistry registry, StreamLocks locks,
                    MessageEncoder encoder, ObjectMapper mapper, Clock clock, StreamHistory history,
                    LivenessCheck liveness, FieldProjector projector, Authenticator authenticator,
                    StreamPublisher publisher, AckTracker acks, OlderHistory older) {
        this.settings = settings;
        this.registry = registry;
        this.locks = locks;
        this.encoder = encoder;
        this.clock = clock;
        this.history = history;
        this.liveness = liveness;
        this.projector = projector;
        this.authenticator = authenticator;
        this.publisher = publisher;
        this.acks = acks;
        this.catchUp = new CatchUpPolicy(history, older, settings.history().latestValueStreams());
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    void welcome(ClientSession session) {
        String now = Timestamps.iso(Timestamps.now(clock));
        reply(session, Replies.CONNECTION, new Replies.Welcome(
                session.clientId(), "connected", now, settings.serverVersion(), Stream.wireNames(),
                settings.tables().ids(), history.epoch(), session.principal().isEmpty()));
    }

    /** Tells a client who it is now and what it may read. */
    void authenticated(ClientSession session) {
        Principal principal = session.principal().orElseThrow();
        reply(session, Replies.AUTHENTICATED,
                new Replies.Authenticated(principal.subject(), principal.streamNames(), principal.admin()));
    }

    /**
     * Never throws: every failure becomes an error reply, and the connection stays usable, except
     * that an {@code auth} that does not authenticate asks for the connection to be closed.
     *
     * @return how to close the connection, or empty to keep it
     */
    Optional<Closing> handle(ClientSession session, String text) {
        int bytes = Utf8.length(text);
        session.recordReceived(bytes);
        String type = null;
        try {
            // Any message proves the client is there, even one refused below.
            session.liveness().heard(Timestamps.now(clock));
            if (bytes > settings.maxMessageBytes()) {
                return Optional.of(refuseTooLarge(session, bytes));
            }
            checkRate(session);
            JsonNode request = parse(text);
            type = typeOf(request);
            if (type.equals(AUTH)) {
                return authenticate(session, request.path("data"));
            }
            requireAuthenticated(session, type);
            dispatch(session, type, request);
        } catch (RequestRejected e) {
            sendError(session, e.code(), e.getMessage(), type);
        } catch (RuntimeException e) {
            LOG.error("Handling a message of type {} from client {} failed", type, session.clientId(), e);
            sendError(session, ErrorCode.MESSAGE_HANDLER_ERROR,
                    "The server failed while handling this message; the connection is still open.", type);
        }
        return Optional.empty();
    }

    /** A message over the size limit: the client is told why, then the connection is closed with 1009. */
    Closing refuseTooLarge(ClientSession session, long bytes) {
        sendError(session, ErrorCode.MESSAGE_TOO_LARGE, "The message is " + bytes + " bytes or more; the limit is "
                + settings.maxMessageBytes() + " bytes. The connection is closed with 1009.", null);
        return Closing.messageTooBig(bytes, settings.maxMessageBytes());
    }

    /** A text message with bad UTF-8: the client is told why, then the connection is closed with 1007. */
    Closing refuseInvalidUtf8(ClientSession session) {
        sendError(session, ErrorCode.INVALID_UTF8,
                "A text message was not valid UTF-8. The connection is closed with 1007.", null);
        return Closing.invalidUtf8();
    }

    private static void requireAuthenticated(ClientSession session, String type) {
        if (session.principal().isEmpty() && !BEFORE_AUTH.contains(type)) {
            throw new RequestRejected(ErrorCode.AUTH_REQUIRED, "Authenticate first: send {\"type\": \"auth\", "
                    + "\"data\": {\"token\": \"...\"}}. Until then only auth, ping and pong are accepted.");
        }
    }

    /** Under open access every client already is the anonymous principal, and the token is not read. */
    private Optional<Closing> authenticate(ClientSession session, JsonNode data) {
        Optional<Principal> current = session.principal();
        if (current.isPresent() && authenticator.required()) {
            throw new RequestRejected(ErrorCode.ALREADY_AUTHENTICATED, "This connection is already authenticated as '"
                    + current.get().subject() + "'; to use another token, open a new connection.");
        }
        if (current.isEmpty()) {
            JsonNode token = data.path("token");
            if (!token.isTextual() || token.asText().isEmpty()) {
                return Optional.of(Closing.unauthorized("auth needs data.token, a non-empty string"));
            }
            try {
                session.authenticated(authenticator.authenticate(token.asText()));
                LOG.info("Client {} authenticated as {}", session.clientId(), session.principal().orElseThrow().subject());
            } catch (AuthenticationException e) {
                return Optional.of(Closing.unauthorized(e.getMessage()));
            }
        }
        authenticated(session);
        return Optional.empty();
    }

    private void checkRate(ClientSession session) {
        if (!session.rateLimiter().tryAcquire(clock.millis())) {
            throw new RequestRejected(ErrorCode.RATE_LIMIT, "More than " + settings.rateLimitPerMinute()
                    + " messages in the last minute; this one was ignored. Slow down and retry.");
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = reader.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RequestRejected(ErrorCode.INVALID_JSON, "The message is empty, not JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RequestRejected(ErrorCode.INVALID_JSON,
                    "The message is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String typeOf(JsonNode request) {
        JsonNode type = request.get("type");
        if (!request.isObject() || type == null || !type.isTextual()) {
            throw new RequestRejected(ErrorCode.INVALID_MESSAGE_FORMAT,
                    "A message must be a JSON object with a string \"type\" field.");
        }
        return type.asText();
    }

    private void dispatch(ClientSession session, String type, JsonNode request) {
        JsonNode data = request.get("data");
        switch (type) {
            case SUBSCRIBE -> subscribe(session, SubscriptionRequest.subscribe(data,
                    settings.history().latestValueStreams(), settings.tables()));
            case UNSUBSCRIBE -> unsubscribe(session, SubscriptionRequest.unsubscribe(data, settings.tables()));
            case PING -> pong(session, request.path("data").path("timestamp"));
            case GET_STATUS -> status(session);
            case PONG -> roundTrip(session, request.path("data").path("server_ts_us"));
            case ACK -> reply(session, Replies.ACKED,
                    acks.ack(session, AckRequest.parse(data, acks.settings(), settings.tables())));
            default -> throw new RequestRejected(ErrorCode.UNKNOWN_MESSAGE_TYPE, "Unknown message type '" + type
                    + "'; the server handles " + String.join(", ", SUBSCRIBE, UNSUBSCRIBE, PING, PONG, GET_STATUS, AUTH, ACK)
                    + ".");
        }
    }

    /*
     * Both reply while still holding the stream locks: see StreamLocks for the ordering this buys.
     * Subscribe also queues its catch-up messages under them, so they come after the reply and
     * before the first live message, with nothing lost or repeated in between.
     */

    private void subscribe(ClientSession session, SubscriptionRequest request) {
        requirePermitted(session.principal().orElseThrow(), request.streams());
        settings.frameQualities().requireKnown(request.filters().get(Stream.FRAME));
        // Outside the locks: a read from the older history may wait on a broker, and only this
        // client's own inbound thread should wait with it.
        Map<TableStream, CatchUpPolicy.OlderMessages> olderRead = catchUp.readOlder(request);
        locks.whileLocked(request.streams(), () -> {
            CatchUp plan = catchUp.plan(request, registry.tableStreamsOf(session), olderRead);
            List<Stream> added = registry.subscribe(session, request.streams(), request.filters(), request.tables(),
                    history::lastSequence);
            reply(session, Replies.SUBSCRIBED, new Replies.SubscriptionChange(
                    names(added), request.tables(), subscriptionNames(session), tablesByName(session),
                    recoveredByName(request, plan)));
            // Queued even to a client over its high-water mark: at most history-size messages (or,
            // read back from Kafka, the resume budget's: cuecast.kafka.resume.max-messages), and
            // skipping one would break the recovery just promised. Conditions and field filters
            // apply; max_fps does not, since every replayed message is one the client asked to recover.
            plan.messages().forEach((target, messages) -> {
                StreamFilter filter = request.filters().getOrDefault(target.stream(), StreamFilter.NONE);
                messages.forEach(message -> replay(session, target, projector.of(message), filter));
            });
            request.streams().forEach(stream -> request.tables()
                    .forEach(table -> publisher.prime(new TableStream(table, stream))));
        });
    }

    /**
     * A replayed message of a stream that needs acks awaits this client's ack like a live one: the
     * gateway the client is connected to now owns its redelivery, wherever it was first sent.
     */
    private void replay(ClientSession session, TableStream target, FieldProjector.Projections message,
                        StreamFilter filter) {
        message.filtered(filter).ifPresent(sent -> {
            if (acks.settings().requiresAck(target.stream())) {
                acks.awaitFrom(List.of(session), target, message.sequence(), sent, Timestamps.now(clock));
            }
            session.send(sent);
        });
    }

    /** All or nothing, like the format checks: one stream not granted refuses the whole request. */
    private static void requirePermitted(Principal principal, List<Stream> streams) {
        List<Stream> forbidden = principal.forbidden(streams);
        if (!forbidden.isEmpty()) {
            List<String> permitted = principal.streamNames();
            throw new RequestRejected(ErrorCode.FORBIDDEN, "Not permitted to subscribe to "
                    + String.join(", ", names(forbidden)) + "; this client may read "
                    + (permitted.isEmpty() ? "no stream" : String.join(", ", permitted))
                    + ". No subscription was changed.");
        }
    }

    private void unsubscribe(ClientSession session, SubscriptionRequest request) {
        locks.whileLocked(request.streams(), () -> {
            List<Stream> removed = registry.unsubscribe(session, request.streams(), request.tables());
            reply(session, Replies.UNSUBSCRIBED, new Replies.SubscriptionChange(names(removed),
                    request.tables().isEmpty() ? settings.tables().ids() : request.tables(),
                    subscriptionNames(session), tablesByName(session), null));
        });
    }

    /**
     * Per resumed stream, in the shape the client gave its position: true or false, or an object of
     * them by table. Null when nothing was resumed, so the field is left out.
     */
    private static Map<String, Object> recoveredByName(SubscriptionRequest request, CatchUp plan) {
        if (plan.recovered().isEmpty()) {
            return null;
        }
        Map<Stream, Map<String, Boolean>> byStream = new LinkedHashMap<>();
        plan.recovered().forEach((target, recovered) ->
                byStream.computeIfAbsent(target.stream(), s -> new LinkedHashMap<>()).put(target.table(), recovered));
        Map<String, Object> byName = new LinkedHashMap<>();
        byStream.forEach((stream, byTable) -> byName.put(stream.wireName(),
                request.resume().get(stream).byTable() ? byTable : byTable.values().iterator().next()));
        return byName;
    }

    /** Per subscribed stream by name, the tables it is received from. */
    private Map<String, List<String>> tablesByName(ClientSession session) {
        Map<String, List<String>> byName = new TreeMap<>();
        registry.tablesOf(session).forEach((stream, tables) -> byName.put(stream.wireName(), List.copyOf(tables)));
        return byName;
    }

    private static List<String> names(Collection<Stream> streams) {
        return streams.stream().map(Stream::wireName).toList();
    }

    private void pong(ClientSession session, JsonNode clientTimestamp) {
        Instant now = Timestamps.now(clock);
        clientSendTime(clientTimestamp).ifPresent(sent -> {
            // One-way and clock-dependent: a client clock ahead of ours would give a negative latency.
            Duration latency = Duration.between(sent, now);
            session.recordPingLatency(latency.isNegative() ? Duration.ZERO : latency);
        });
        reply(session, Replies.PONG,
                new Replies.Pong(Timestamps.iso(now), Timestamps.epochMicros(now), session.qualityScore()));
    }

    /**
     * A pong needs no answer: hearing from the client was the point. One that echoes the server
     * ping's {@code server_ts_us} also measures the round trip, half of which counts as latency,
     * whatever the client's clock says.
     */
    private void roundTrip(ClientSession session, JsonNode pingedAtMicros) {
        if (!pingedAtMicros.canConvertToLong()) {
            return;
        }
        Instant pingedAt = Instant.EPOCH.plus(pingedAtMicros.longValue(), ChronoUnit.MICROS);
        Duration roundTrip = Duration.between(pingedAt, Timestamps.now(clock));
        // A made-up or stale echo (older than a ping interval) is no measurement.
        if (!roundTrip.isNegative() && roundTrip.compareTo(settings.liveness().pingInterval()) <= 0) {
            session.recordPingLatency(roundTrip.dividedBy(2));
        }
    }

    /**
     * The client's send time: epoch milliseconds (as from JavaScript's Date.now()) or an ISO-8601
     * instant. Anything else is ignored, since a ping must always get its pong.
     */
    private static Optional<Instant> clientSendTime(JsonNode timestamp) {
        if (timestamp.isNumber()) {
            // Decimal, not double: a double of epoch nanoseconds is only good to about 256 ns.
            long nanos = timestamp.decimalValue().movePointRight(6).longValue();
            return Optional.of(Instant.EPOCH.plusNanos(nanos));
        }
        if (timestamp.isTextual()) {
            try {
                return Optional.of(Instant.parse(timestamp.asText()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void status(ClientSession session) {
        reply(session, Replies.STATUS, statusOf(session));
    }

    /** A session's figures, as the status reply and the REST API show them. */
    Replies.Status statusOf(ClientSession session) {
        Instant now = Timestamps.now(clock);
        return new Replies.Status(
                session.clientId(),
                session.principal().map(Principal::subject).orElse(null),
                Timestamps.iso(session.connectedAt()),
                seconds(Duration.between(session.connectedAt(), now)),
                subscriptionNames(session),
                tablesByName(session),
                session.messagesReceived(),
                session.messagesSent(),
                session.messagesDropped(),
                session.bytesSent(),
                session.bytesReceived(),
                session.qualityScore(),
                session.lastPingLatency().map(ProtocolHandler::seconds).orElse(null),
                liveness.isAlive(session, now),
                filtersByName(session),
                session.link(),
                acks.pendingCount(session));
    }

    /** Only the filtered streams, by name in stream order; empty when nothing is filtered. */
    private Map<String, StreamFilter> filtersByName(ClientSession session) {
        Map<String, StreamFilter> byName = new LinkedHashMap<>();
        registry.filtersOf(session).forEach((stream, filter) -> byName.put(stream.wireName(), filter));
        return byName;
    }

    private List<String> subscriptionNames(ClientSession session) {
        return names(registry.streamsOf(session)).stream().sorted().toList();
    }

    /** The last line of defence: if even the error reply fails, log it rather than throw to the adapter. */
    private void sendError(ClientSession session, ErrorCode code, String message, String requestType) {
        try {
            reply(session, Replies.ERROR, new Replies.ErrorReply(code, message, requestType));
        } catch (RuntimeException e) {
            LOG.error("Could not send a {} error to client {}", code, session.clientId(), e);
        }
    }

    private void reply(ClientSession session, String type, Object data) {
        session.send(encoder.encodeControl(type, data));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

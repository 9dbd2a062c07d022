package io.cuecast.gateway.websocket;

import io.cuecast.gateway.ClientSession;
import io.cuecast.gateway.ConnectionGate;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.Stream;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.ServerWebSocket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket route's bean: turns camel-vertx-websocket's OPEN, MESSAGE and CLOSE exchanges into
 * gateway calls. On OPEN the exchange body is the Vert.x socket itself, which the gateway keeps as
 * the client's channel, so replies and stream messages are written straight to it.
 */
public final class WebSocketEvents {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEvents.class);
    /** Close code for a per-stream endpoint whose stream does not exist (4000-4999: application codes). */
    static final short UNKNOWN_STREAM = 4404;
    private static final String STREAM_ENDPOINT_PREFIX = "/api/v1/ws/";
    private final Gateway gateway;
    private final ConnectionGate gate;
    // Changed live (the gateway config section); each connection takes them as it opens.
    private volatile int maxQueuedBytes;
    private volatile int socketSendBufferBytes;
    /** One per event loop: a handful, however many clients. */
    private final Map<Context, SequentialExecutor> outboxes = new ConcurrentHashMap<>();
    private final Clock clock;

    /**
     * @param maxQueuedBytes how much may wait to be written to one client before its write queue is
     *                       full and it skips stream messages
     * @param socketSendBufferBytes the kernel's send buffer for each client's socket (SO_SNDBUF), or 0
     *                       to leave it to the kernel; see {@link #tune}
     * @param clock          the gateway's, which times how long a client's socket stays stalled
     */
    public WebSocketEvents(Gateway gateway, ConnectionGate gate, int maxQueuedBytes, int socketSendBufferBytes,
                           Clock clock) {
        this.gateway = gateway;
        this.gate = gate;
        this.clock = clock;
        setLimits(maxQueuedBytes, socketSendBufferBytes);
    }

    /** For connections that open from now on; open ones keep theirs. */
    public void setLimits(int maxQueuedBytes, int socketSendBufferBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.socketSendBufferBytes = socketSendBufferBytes;
    }

    /**
     * A new connection. On a per-stream endpoint ({@code /api/v1/ws/state}) the client is
     * subscribed at once, as if it had sent the subscribe itself; an unknown stream is refused with
     * close code {@value #UNKNOWN_STREAM} before the welcome. A {@code token} query parameter
     * authenticates the client as it connects; see {@link Gateway#connect(String,
     * io.cuecast.gateway.ClientChannel, String, String)}. A connection the gate refuses (too many
     * from one address, or a browser origin not allowed) is closed with its code and reason.
     */
    public void onOpen(@Header(VertxWebsocketConstants.CONNECTION_KEY) String connectionKey,
                       @Header(VertxWebsocketConstants.REMOTE_ADDRESS) Object remoteAddress,
                       @Body ServerWebSocket socket) {
        try {
            open(connectionKey, remoteAddress, socket);
        } catch (RuntimeException e) {
            if (!socket.isClosed()) {
                throw e;
            }
            // Gone while its OPEN waited its turn (a connection storm), or while it was being set
            // up: its CLOSE follows and ends whatever was set up.
            LOG.debug("Connection {} from {} closed before it could be set up: {}", connectionKey, remoteAddress,
                    e.toString());
        }
    }

    private void open(String connectionKey, Object remoteAddress, ServerWebSocket socket) {
        Optional<ConnectionGate.Refusal> refusal =
                gate.admit(socket.remoteAddress().hostAddress(), socket.headers().get("Origin"));
        if (refusal.isPresent()) {
            socket.close((short) refusal.get().code(), refusal.get().reason());
            return;
        }
        String path = socket.path();
        String stream = path.startsWith(STREAM_ENDPOINT_PREFIX) ? path.substring(STREAM_ENDPOINT_PREFIX.length()) : null;
        if (stream != null && Stream.fromWireName(stream).isEmpty()) {
            socket.close(UNKNOWN_STREAM, "unknown stream '" + stream + "'; streams are " + Stream.wireNames());
            return;
        }
        int queueBytes = maxQueuedBytes; // read once: it may change live
        // In bytes: Vert.x makes it the socket's high-water mark, and half of it the low one.
        socket.setWriteQueueMaxSize(queueBytes);
        FlushHold flushHold = new FlushHold();
        NettyChannels.of(socket).ifPresent(netty -> tune(netty, flushHold));
        // Before the welcome: a client may answer it at once, and its first message must be checked too.
        InboundFrames.guard(socket, connectionKey, gateway);
        Context context = contextOf(socket);
        VertxClientChannel channel = new VertxClientChannel(socket, outboxes.computeIfAbsent(context,
                SequentialExecutor::onEventLoop), queueBytes, flushHold, context.owner(), clock);
        Optional<String> token = StreamEndpointSubscription.token(socket.query());
        // A per-stream endpoint subscribes at once, so it cannot wait for an auth message: its token
        // must come in the URL.
        Optional<ClientSession> session = token.isPresent() || stream != null
                ? gateway.connect(connectionKey, channel, String.valueOf(remoteAddress), token.orElse(null))
                : Optional.of(gateway.connect(connectionKey, channel, String.valueOf(remoteAddress)));
        if (session.isPresent() && stream != null) {
            gateway.receive(connectionKey, StreamEndpointSubscription.subscribeMessage(stream, socket.query()));
        }
    }

    /**
     * Bounds what the kernel holds for a client that stopped reading, and installs the client's
     * {@link FlushHold}. Left to itself, Linux lets a socket's send buffer grow to megabytes, which
     * at a state message's 120 KB/s hides a stalled client for half a minute before its socket
     * refuses anything and the slow-consumer timeout can start; and a client that resumes would
     * first read that much stale state.
     */
    private void tune(Channel channel, FlushHold flushHold) {
        if (socketSendBufferBytes > 0) {
            channel.config().setOption(ChannelOption.SO_SNDBUF, socketSendBufferBytes);
        }
        channel.pipeline().addFirst(FlushHold.NAME, flushHold);
    }

    /**
     * The context of the event loop the socket lives on, whose outbox takes the client's writes. The
     * route runs this bean on a worker of the connection's own context, which is therefore the
     * current one.
     */
    private static Context contextOf(ServerWebSocket socket) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("no Vert.x context for the connection from " + socket.remoteAddress());
        }
        return context;
    }

    public void onMessage(@Header(VertxWebsocketConstants.CONNECTION_KEY) String connectionKey, @Body String text) {
        gateway.receive(connectionKey, text);
    }

    public void onClose(@Header(VertxWebsocketConstants.CONNECTION_KEY) String connectionKey) {
        gateway.disconnect(connectionKey);
    }
}

package io.cuecast.gateway.websocket;

import io.netty.channel.Channel;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketImplBase;
import io.vertx.ext.web.impl.ServerWebSocketWrapper;
import java.lang.reflect.Field;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty channel under a Vert.x server WebSocket, for the socket options Vert.x sets only
 * server-wide (platform-http creates the server, and lets us set none of them). camel-vertx-websocket
 * hands over the socket in vertx-web's wrapper, which keeps the Vert.x socket in a private field;
 * when a Vert.x upgrade changes that, this finds nothing and says so once, and the sockets keep the
 * kernel's defaults.
 */
final class NettyChannels {
    private static final Logger LOG = LoggerFactory.getLogger(NettyChannels.class);
    private static final Field WRAPPED = wrappedSocketField();

    private NettyChannels() {
    }

    static Optional<Channel> of(ServerWebSocket socket) {
        ServerWebSocket inner = socket;
        if (inner instanceof ServerWebSocketWrapper && WRAPPED != null) {
            try {
                inner = (ServerWebSocket) WRAPPED.get(inner);
            } catch (IllegalAccessException e) {
                return Optional.empty();
            }
        }
        return inner instanceof WebSocketImplBase<?> base
                ? Optional.of(base.channelHandlerContext().channel())
                : Optional.empty();
    }

    private static Field wrappedSocketField() {
        try {
            Field field = ServerWebSocketWrapper.class.getDeclaredField("delegate");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot reach the Netty channel of WebSocket clients ({}): their sockets keep the kernel's "
                    + "send buffer, so a stalled client takes longer to be noticed", e.toString());
            return null;
        }
    }
}

package io.cuecast.gateway.websocket;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConsumer;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.apache.camel.spi.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-vertx-websocket, with each connection's events routed in the order they happened.
 *
 * <p>The stock consumer hands every OPEN, MESSAGE and CLOSE to Vert.x's worker pool unordered
 * ({@code executeBlocking(..., false)}), so one client's messages can overtake each other, and a
 * message sent as the socket opens can reach the route before its OPEN, when the gateway does not
 * know the connection yet and must drop it. Here each connection's events queue on their own
 * {@link SequentialExecutor} over that same pool: in order per connection, in parallel across
 * connections (on endpoints with {@code fireWebSocketConnectionEvents}, whose CLOSE tells when a
 * connection's queue may go). Bound as {@code vertx-websocket}, so routes keep their URIs.
 */
// The scheme, which Camel reads from this annotation on the class itself, finds the stock component's
// option configurers: without it, endpoint options such as fireWebSocketConnectionEvents are ignored.
@Component("vertx-websocket")
public final class OrderedWebsocketComponent extends VertxWebsocketComponent {

    @Override
    protected VertxWebsocketEndpoint createEndpointInstance(String uri, VertxWebsocketConfiguration configuration) {
        return new VertxWebsocketEndpoint(uri, this, configuration) {
            @Override
            public Consumer createConsumer(Processor processor) throws Exception {
                if (getConfiguration().isConsumeAsClient()) {
                    return super.createConsumer(processor);
                }
                Consumer consumer = new OrderedConsumer(this, processor);
                configureConsumer(consumer);
                return consumer;
            }
        };
    }

    private static final class OrderedConsumer extends VertxWebsocketConsumer {
        private static final Logger LOG = LoggerFactory.getLogger(OrderedConsumer.class);
        private final Map<String, SequentialExecutor> inboxes = new ConcurrentHashMap<>();

        OrderedConsumer(VertxWebsocketEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        /**
         * A client that drops its connection without a close frame, or resets it (a crash, a lost
         * network), is an everyday event, noted by the CLOSE that follows: only a debug line, where the stock
         * consumer warns with a stack trace for each of what may be thousands of clients at once.
         */
        @Override
        public void onException(String connectionKey, Throwable cause, SocketAddress remote, RoutingContext routingContext) {
            if (cause instanceof HttpClosedException || cause instanceof IOException) {
                LOG.debug("Connection {} from {} dropped without a close frame", connectionKey, remote);
                return;
            }
            super.onException(connectionKey, cause, remote, routingContext);
        }

        /** Runs on the connection's event loop, in the order of its events. */
        @Override
        protected void processExchange(Exchange exchange, RoutingContext routingContext) {
            if (!getEndpoint().getConfiguration().isFireWebSocketConnectionEvents()) {
                // Without a CLOSE there is no telling when a connection's queue may go.
                super.processExchange(exchange, routingContext);
                return;
            }
            String key = exchange.getMessage().getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class);
            boolean closing = exchange.getMessage().getHeader(VertxWebsocketConstants.EVENT) == VertxWebsocketEvent.CLOSE;
            SequentialExecutor inbox = closing ? inboxes.remove(key) : inboxes.computeIfAbsent(key,
                    ignored -> new SequentialExecutor(onWorkers(routingContext.vertx())));
            if (inbox == null) {
                // A close with no event before it: nothing can be queued for the connection.
                inbox = new SequentialExecutor(onWorkers(routingContext.vertx()));
            }
            inbox.execute(() -> route(exchange));
        }

        private void route(Exchange exchange) {
            try {
                createUoW(exchange);
                getProcessor().process(exchange);
            } catch (Exception e) {
                getExceptionHandler().handleException("Error processing WebSocket event", exchange, e);
            } finally {
                doneUoW(exchange);
                releaseExchange(exchange, false);
            }
        }

        private static Executor onWorkers(Vertx vertx) {
            return task -> vertx.executeBlocking(() -> {
                task.run();
                return null;
            }, false);
        }
    }
}

package io.cuecast.gateway.websocket;

import io.cuecast.gateway.Gateway;
import io.vertx.core.http.ServerWebSocket;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;

/**
 * The WebSocket route's bean: turns camel-vertx-websocket's OPEN, MESSAGE and CLOSE exchanges into
 * gateway calls. On OPEN the exchange body is the Vert.x socket itself, which the gateway keeps as
 * the client's channel, so replies and stream messages are written straight to it.
 */
public final class WebSocketEvents {
    private final Gateway gateway;

    public WebSocketEvents(Gateway gateway) {
        this.gateway = gateway;
    }

    public void onOpen(@Header(VertxWebsocketConstants.CONNECTION_KEY) String connectionKey,
                       @Header(VertxWebsocketConstants.REMOTE_ADDRESS) Object remoteAddress,
                       @Body ServerWebSocket socket) {
        gateway.connect(connectionKey, new VertxClientChannel(socket), String.valueOf(remoteAddress));
    }

    public void onMessage(@Header(VertxWebsocketConstants.CONNECTION_KEY) String connectionKey, @Body String text) {
        gateway.receive(connectionKey, text);
    }

    public void onClose(@Header(VertxWebsocketConstants.CONNECTION_KEY) String connectionKey) {
        gateway.disconnect(connectionKey);
    }
}

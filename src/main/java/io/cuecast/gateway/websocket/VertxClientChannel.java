package io.cuecast.gateway.websocket;

import io.cuecast.gateway.ClientChannel;
import io.vertx.core.http.ServerWebSocket;

/** A gateway client channel over a Vert.x server WebSocket. Vert.x queues writes in call order from any thread. */
final class VertxClientChannel implements ClientChannel {
    private final ServerWebSocket socket;

    VertxClientChannel(ServerWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void send(String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    @Override
    public boolean isWriteQueueFull() {
        // Vert.x throws on a closed socket; sends to it are dropped anyway until the close is reported.
        return !socket.isClosed() && socket.writeQueueFull();
    }

    @Override
    public void close(int code, String reason) {
        socket.close((short) code, reason);
    }
}

package io.cuecast.gateway.websocket;

import io.cuecast.gateway.ClientChannel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway client channel over a Vert.x server WebSocket. Every write and the close go through
 * the socket's event-loop outbox, in call order; the queue counts as full when what waits in the
 * outbox (characters of text, bytes of frames), or in the socket's own write queue, passes the
 * configured bound.
 */
final class VertxClientChannel implements ClientChannel {
    private final ServerWebSocket socket;
    private final EventLoopOutbox outbox;
    private final long maxQueuedChars;
    private final AtomicLong queuedChars = new AtomicLong();

    VertxClientChannel(ServerWebSocket socket, EventLoopOutbox outbox, long maxQueuedChars) {
        this.socket = socket;
        this.outbox = outbox;
        this.maxQueuedChars = maxQueuedChars;
    }

    @Override
    public void send(String text) {
        queuedChars.addAndGet(text.length());
        outbox.submit(() -> {
            queuedChars.addAndGet(-text.length());
            if (!socket.isClosed()) {
                socket.writeTextMessage(text);
            }
        });
    }

    @Override
    public void sendBinary(byte[] message, Runnable whenWritten) {
        queuedChars.addAndGet(message.length);
        outbox.submit(() -> {
            queuedChars.addAndGet(-message.length);
            if (socket.isClosed()) {
                whenWritten.run();
                return;
            }
            try {
                socket.writeBinaryMessage(Buffer.buffer(message)).onComplete(written -> whenWritten.run());
            } catch (RuntimeException e) {
                // Closing under our feet: the frame is not in flight, so the next one may go.
                whenWritten.run();
                throw e;
            }
        });
    }

    @Override
    public boolean isWriteQueueFull() {
        // Vert.x throws on a closed socket; sends to it are dropped anyway until the close is reported.
        return queuedChars.get() > maxQueuedChars || (!socket.isClosed() && socket.writeQueueFull());
    }

    @Override
    public void close(int code, String reason) {
        outbox.submit(() -> socket.close((short) code, reason));
    }
}

package io.cuecast.gateway.websocket;

import io.cuecast.gateway.ClientChannel;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway client channel over a Vert.x server WebSocket. Every write and the close go through
 * the socket's event-loop outbox, in call order; the queue counts as full when what waits in the
 * outbox (bytes of text and of frames), or in the socket's own write queue, passes the configured
 * bound.
 *
 * <p>Only the event loop touches the socket. What the publishing threads read, whether the socket's
 * queue is full and whether it is stalled, the event loop notes after each write: asking Vert.x
 * from another thread takes the connection's lock, which the event loop holds while it writes,
 * and hundreds of clients made that lock the publish path's main cost.
 */
final class VertxClientChannel implements ClientChannel {
    /**
     * Vert.x's default largest frame, which its clients also refuse to receive; writeTextMessage
     * splits a longer text into fragments of this size, so longer texts go that way.
     */
    private static final int MAX_UNFRAGMENTED_BYTES = 65536;

    private final ServerWebSocket socket;
    private final SequentialExecutor outbox;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean socketQueueFull;
    /** Writes handed to the socket (event loop only), to tell whether a completed write was the last. */
    private long writesIssued;
    private volatile boolean stalled;
    private final FlushHold flushHold;

    /**
     * @param flushHold the socket's flush hold, or one in no pipeline (which then holds nothing)
     *                  when the socket's Netty channel could not be reached
     */
    VertxClientChannel(ServerWebSocket socket, SequentialExecutor outbox, long maxQueuedBytes, FlushHold flushHold) {
        this.socket = socket;
        this.outbox = outbox;
        this.maxQueuedBytes = maxQueuedBytes;
        this.flushHold = flushHold;
        socket.drainHandler(drained -> socketQueueFull = false);
    }

    @Override
    public void sendText(byte[] utf8) {
        queuedBytes.addAndGet(utf8.length);
        outbox.execute(() -> {
            boolean moreWaiting = queuedBytes.addAndGet(-utf8.length) > 0;
            flushHold.hold(moreWaiting);
            writeText(utf8, moreWaiting);
        });
    }

    private void writeText(byte[] utf8, boolean moreWaiting) {
        if (socket.isClosed()) {
            return;
        }
        if (utf8.length <= MAX_UNFRAGMENTED_BYTES) {
            // The shared bytes go out as they are: writeTextMessage would encode the text again
            // for every client.
            noteWrite(socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true)), moreWaiting);
        } else {
            noteWrite(socket.writeTextMessage(new String(utf8, StandardCharsets.UTF_8)), moreWaiting);
        }
    }

    @Override
    public void sendBinary(byte[] message, Runnable whenWritten) {
        queuedBytes.addAndGet(message.length);
        outbox.execute(() -> {
            boolean moreWaiting = queuedBytes.addAndGet(-message.length) > 0;
            flushHold.hold(moreWaiting);
            if (socket.isClosed()) {
                whenWritten.run();
                return;
            }
            try {
                noteWrite(socket.writeBinaryMessage(Buffer.buffer(message)), moreWaiting).onComplete(written -> whenWritten.run());
            } catch (RuntimeException e) {
                // Closing under our feet: the frame is not in flight, so the next one may go.
                whenWritten.run();
                throw e;
            }
        });
    }

    /**
     * On the event loop, after a write: a flushed write Netty could not finish at once means the
     * socket's buffer is full, so the channel is stalled until the last write issued so far
     * completes. A write whose flush is held is judged with the write that flushes it.
     */
    private Future<Void> noteWrite(Future<Void> written, boolean flushHeld) {
        long issued = ++writesIssued;
        socketQueueFull = socket.writeQueueFull();
        if (flushHeld) {
            return written;
        }
        if (!written.isComplete()) {
            stalled = true;
            written.onComplete(done -> {
                if (issued == writesIssued) {
                    stalled = false;
                }
            });
        } else {
            // Netty writes in order, so every earlier write has completed too.
            stalled = false;
        }
        return written;
    }

    @Override
    public boolean isWriteQueueFull() {
        return queuedBytes.get() > maxQueuedBytes || socketQueueFull;
    }

    @Override
    public boolean isStalled() {
        return stalled;
    }

    @Override
    public void close(int code, String reason) {
        outbox.execute(() -> {
            // The close frame must leave now: writes queued behind it will find the socket closed.
            flushHold.hold(false);
            socket.close((short) code, reason);
        });
    }
}

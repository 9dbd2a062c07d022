package io.cuecast.gateway.websocket;

import io.cuecast.gateway.ClientChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway client channel over a Vert.x server WebSocket. Every write and the close go through
 * the socket's event-loop outbox, in call order; the queue counts as full when what waits in the
 * outbox (bytes of text and of frames), or in the socket's own write queue, passes the configured
 * bound.
 *
 * <p>Only a stall the event loop keeps confirming counts against the client (see {@link #isStalled}):
 * bytes waiting in the outbox are the event loop's, which has not got to them yet, and a socket
 * that looks stalled to an event loop held up elsewhere may long have been drained by its client.
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
    /** How often the event loop looks again at a socket that stays stalled. */
    private static final Duration STALL_CHECK_INTERVAL = Duration.ofMillis(100);
    /**
     * How recent the event loop's last look must be for a stall to count: a few check intervals,
     * so that a busy event loop's timers may run late, but one held up for longer is not believed.
     */
    private static final Duration STALL_CHECK_FRESHNESS = STALL_CHECK_INTERVAL.multipliedBy(5);

    private final ServerWebSocket socket;
    private final SequentialExecutor outbox;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean socketQueueFull;
    /** Writes handed to the socket (event loop only), to tell whether a completed write was the last. */
    private long writesIssued;
    private volatile boolean stalled;
    /** Stalls begun (event loop only), so that a look finds whether the stall it was meant for goes on. */
    private long stallsBegun;
    /** When the event loop last found the socket still stalled; null while it is not, or not yet looked at. */
    private volatile Instant stallConfirmedAt;
    private final FlushHold flushHold;
    private final Vertx vertx;
    private final Clock clock;

    /**
     * @param flushHold the socket's flush hold, or one in no pipeline (which then holds nothing)
     *                  when the socket's Netty channel could not be reached
     * @param vertx     whose timers, on the socket's event loop, look again at a stalled socket
     * @param clock     the gateway's clock, which times the slow-consumer rule
     */
    VertxClientChannel(ServerWebSocket socket, SequentialExecutor outbox, long maxQueuedBytes, FlushHold flushHold,
                       Vertx vertx, Clock clock) {
        this.socket = socket;
        this.outbox = outbox;
        this.maxQueuedBytes = maxQueuedBytes;
        this.flushHold = flushHold;
        this.vertx = vertx;
        this.clock = clock;
        socket.drainHandler(drained -> socketQueueFull = false);
    }

    @Override
    public void sendText(byte[] utf8) {
        queuedBytes.addAndGet(utf8.length);
        outbox.execute(() -> writeText(utf8, takenFromQueue(utf8.length)));
    }

    /**
     * On the event loop, as a queued message is taken to be written: whether more of this client's
     * messages wait behind it. If so its flush is held, and the last of them flushes them all.
     */
    private boolean takenFromQueue(int bytes) {
        boolean moreWaiting = queuedBytes.addAndGet(-bytes) > 0;
        flushHold.hold(moreWaiting);
        return moreWaiting;
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
            boolean moreWaiting = takenFromQueue(message.length);
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
            if (!stalled) {
                stalled = true;
                lookAgainLater(++stallsBegun);
            }
            written.onComplete(done -> {
                if (issued == writesIssued) {
                    unstalled();
                }
            });
        } else {
            // Netty writes in order, so every earlier write has completed too.
            unstalled();
        }
        return written;
    }

    private void unstalled() {
        stalled = false;
        stallConfirmedAt = null;
    }

    /**
     * Looks at the socket again after an interval, and every interval while the same stall goes
     * on. A timer runs on the event loop only after it has handled its sockets' events, write
     * completions included, so a stall it still finds is one the client has not ended.
     */
    private void lookAgainLater(long stall) {
        vertx.setTimer(STALL_CHECK_INTERVAL.toMillis(), timer -> {
            if (stalled && stall == stallsBegun && !socket.isClosed()) {
                stallConfirmedAt = clock.instant();
                lookAgainLater(stall);
            }
        });
    }

    @Override
    public boolean isWriteQueueFull() {
        return queuedBytes.get() > maxQueuedBytes || socketQueueFull;
    }

    /**
     * The socket has refused bytes for at least one check interval, and the event loop confirmed it
     * within the last {@link #STALL_CHECK_FRESHNESS}. An event loop held up for longer (JIT
     * compilation, a long collection, a slow core behind with its writes) has not seen whether the
     * client took its bytes meanwhile, so its stale view is not held against the client.
     */
    @Override
    public boolean isStalled() {
        Instant confirmed = stallConfirmedAt;
        return confirmed != null && Duration.between(confirmed, clock.instant()).compareTo(STALL_CHECK_FRESHNESS) <= 0;
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

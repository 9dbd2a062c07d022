package io.cuecast.gateway.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;

/**
 * Holds back a client socket's flushes while more of its messages wait in the outbox, so that a
 * client that has fallen behind gets its waiting messages in one system call, not one each.
 *
 * <p>Vert.x flushes every frame it writes: one {@code writev} per message per client, the gateway's
 * main cost under load (bench/RESULTS.md, the profile at 1000 clients at 60 Hz). Netty's
 * FlushConsolidationHandler would defer every flush to the end of the event loop's task, which
 * delays the first clients of a fan-out until the last has been written; this holds a flush only
 * when the same client's next message is already waiting, so a client that keeps up is flushed at
 * once, as before.
 *
 * <p>Event loop only. Sits next to the pipeline's head, below the WebSocket encoder, so it sees the
 * flushes of every writer: Vert.x's own pings and close frames included. A held flush is never
 * lost: holding means a write of ours is queued behind, and that write flushes.
 */
final class FlushHold extends ChannelOutboundHandlerAdapter {
    static final String NAME = "cuecast-flush-hold";
    private boolean holding;

    /** Whether the flushes of the writes that follow wait for a later write's flush. */
    void hold(boolean moreWaiting) {
        holding = moreWaiting;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (!holding) {
            ctx.flush();
        }
    }
}

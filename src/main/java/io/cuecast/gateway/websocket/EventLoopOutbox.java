package io.cuecast.gateway.websocket;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The writes waiting for one Vert.x event loop, handed over in batches. A write from another thread
 * costs Vert.x a task and a wake-up of the event loop; a publish to hundreds of clients would pay
 * that hundreds of times. Here a burst of writes costs one task: the first write of a burst
 * schedules a drain, the rest join the queue. Writes to one socket keep their order, since they all
 * pass through its event loop's outbox.
 */
final class EventLoopOutbox implements Executor {
    private final Context context;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** The event loop's thread while it drains, else null. */
    private volatile Thread drainer;

    EventLoopOutbox(Context context) {
        this.context = context;
    }

    @Override
    public void execute(Runnable write) {
        pending.add(write);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> drain());
        }
    }

    /**
     * Whether the caller is a task of this outbox, running now: everything submitted before it has
     * run, so a write it makes may go out at once and still keep its place.
     */
    boolean isDrainingHere() {
        return drainer == Thread.currentThread();
    }

    private void drain() {
        // Cleared before draining: a write that arrives meanwhile schedules the next drain itself.
        drainScheduled.set(false);
        drainer = Thread.currentThread();
        try {
            for (Runnable write = pending.poll(); write != null; write = pending.poll()) {
                write.run();
            }
        } finally {
            drainer = null;
        }
    }
}

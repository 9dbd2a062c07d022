package io.cuecast.gateway.websocket;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs its tasks one at a time, in the order given, on another executor, in batches: the first task
 * of a burst schedules a drain there, and the rest join the queue, so a burst costs one hand-over.
 * Used for each event loop's writes (one hand-over per burst, not one per client) and for each
 * connection's inbound events (which must be handled in the order the client sent them).
 */
final class SequentialExecutor implements Executor {
    private final Executor target;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    SequentialExecutor(Executor target) {
        this.target = target;
    }

    /** The writes waiting for one Vert.x event loop. */
    static SequentialExecutor onEventLoop(Context context) {
        return new SequentialExecutor(task -> context.runOnContext(ignored -> task.run()));
    }

    @Override
    public void execute(Runnable task) {
        pending.add(task);
        if (drainScheduled.compareAndSet(false, true)) {
            target.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Runnable task = pending.poll(); task != null; task = pending.poll()) {
                task.run();
            }
        } finally {
            drainScheduled.set(false);
        }
        // A task given after the last poll but before the flag was cleared found a drain scheduled:
        // run it now rather than leave it waiting for the next one.
        if (!pending.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            target.execute(this::drain);
        }
    }
}

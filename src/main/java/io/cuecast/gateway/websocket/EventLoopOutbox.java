package io.cuecast.gateway.websocket;

import io.vertx.core.Context;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The writes waiting for one Vert.x event loop, handed over in batches. A write from another thread
 * costs Vert.x a task and a wake-up of the event loop; a publish to hundreds of clients would pay
 * that hundreds of times. Here a burst of writes costs one task: the first write of a burst
 * schedules a drain, the rest join the queue. Writes to one socket keep their order, since they all
 * pass through its event loop's outbox.
 */
final class EventLoopOutbox {
    private final Context context;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    EventLoopOutbox(Context context) {
        this.context = context;
    }

    void submit(Runnable write) {
        pending.add(write);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> drain());
        }
    }

    private void drain() {
        // Cleared before draining: a write that arrives meanwhile schedules the next drain itself.
        drainScheduled.set(false);
        for (Runnable write = pending.poll(); write != null; write = pending.poll()) {
            write.run();
        }
    }
}

package io.cuecast.camera;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bounded queue that never refuses and never blocks its producer: when it is full, the oldest
 * element is dropped (and handed to {@code onDrop}, so a frame's native memory is freed) to make
 * room. A slow consumer therefore always gets the freshest frames, never a backlog of stale ones.
 */
public final class LatestOnlyQueue<E> extends ArrayBlockingQueue<E> {
    private final transient Consumer<? super E> onDrop;
    private final AtomicLong dropped = new AtomicLong();

    public LatestOnlyQueue(int capacity, Consumer<? super E> onDrop) {
        super(capacity);
        this.onDrop = onDrop;
    }

    @Override
    public synchronized boolean offer(E element) {
        while (!super.offer(element)) {
            E stale = super.poll();
            if (stale != null) {
                dropped.incrementAndGet();
                onDrop.accept(stale);
            }
        }
        return true;
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) {
        return offer(element);
    }

    @Override
    public void put(E element) {
        offer(element);
    }

    /** How many elements were dropped to make room for newer ones. */
    public long droppedCount() {
        return dropped.get();
    }
}

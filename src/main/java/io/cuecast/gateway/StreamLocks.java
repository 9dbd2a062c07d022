package io.cuecast.gateway;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per stream, held by a publish for its whole fan-out and by a subscription change
 * together with its reply. So on each client's channel a stream's messages come strictly after
 * the {@code subscribed} reply that enabled them and strictly before the {@code unsubscribed}
 * reply that ended them.
 */
final class StreamLocks {

    private final Map<Stream, ReentrantLock> locks = new EnumMap<>(Stream.class);

    StreamLocks() {
        for (Stream stream : Stream.values()) {
            locks.put(stream, new ReentrantLock());
        }
    }

    <T> T whileLocked(Stream stream, Supplier<T> action) {
        ReentrantLock lock = locks.get(stream);
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the locks in declaration order, which keeps two multi-stream changes from deadlocking. */
    void whileLocked(Collection<Stream> streams, Runnable action) {
        EnumSet<Stream> ordered = EnumSet.noneOf(Stream.class);
        ordered.addAll(streams);
        Deque<ReentrantLock> held = new ArrayDeque<>();
        try {
            for (Stream stream : ordered) {
                ReentrantLock lock = locks.get(stream);
                lock.lock();
                held.push(lock);
            }
            action.run();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }
}

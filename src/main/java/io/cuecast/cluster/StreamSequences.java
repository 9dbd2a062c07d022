package io.cuecast.cluster;

import io.cuecast.gateway.Stream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A vision node's numbering of its tables' streams: the one place a clustered message gets its
 * sequence. It goes on from what Kafka already holds (see {@link LastSequences}), so that a vision
 * node that restarts does not number from 1 again.
 */
public final class StreamSequences {

    private record Key(String table, Stream stream) {
    }

    private final Map<Key, AtomicLong> last = new ConcurrentHashMap<>();

    /** Sets where the stream's numbering goes on from; call before the first {@link #next}. */
    public void continueAfter(String table, Stream stream, long sequence) {
        last.put(new Key(table, stream), new AtomicLong(sequence));
    }

    /**
     * Numbers one message: {@code encode} gets the next number on the table's stream (1 for the
     * first), which is used up only when it returns. Callers number one message of a stream at a
     * time, in the order they send them (kafka-publish runs on one thread).
     *
     * @throws IllegalArgumentException what {@code encode} throws, with no number used up
     */
    public <T> T number(String table, Stream stream, LongFunction<T> encode) {
        AtomicLong position = last.computeIfAbsent(new Key(table, stream), key -> new AtomicLong());
        long next = position.get() + 1;
        T encoded = encode.apply(next);
        position.set(next);
        return encoded;
    }
}

package io.cuecast.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * History in this process's memory: per stream, at most {@link HistorySettings#size()} messages,
 * none older than {@link HistorySettings#maxAge()}. Memory stays bounded by the count; age is enforced on every append and read.
 *
 * <p>Thread-safe: each stream's buffer is guarded by its own monitor (uncontended in practice,
 * since callers already hold the stream's lock).
 */
final class InMemoryStreamHistory implements StreamHistory {

    private final String epoch = UUID.randomUUID().toString();
    private final Map<Stream, Buffer> buffers = new EnumMap<>(Stream.class);

    InMemoryStreamHistory(HistorySettings settings, Clock clock) {
        for (Stream stream : Stream.values()) {
            buffers.put(stream, new Buffer(settings.size(), settings.maxAge(), clock));
        }
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public long lastSequence(Stream stream) {
        return buffers.get(stream).lastSequence();
    }

    @Override
    public void append(Stream stream, long sequence, EncodedMessage message) {
        buffers.get(stream).append(sequence, message);
    }

    @Override
    public void skip(Stream stream, long sequence) {
        buffers.get(stream).skip(sequence);
    }

    @Override
    public Optional<List<EncodedMessage>> messagesAfter(Stream stream, long sequence) {
        return buffers.get(stream).messagesAfter(sequence);
    }

    @Override
    public Optional<EncodedMessage> latest(Stream stream) {
        return buffers.get(stream).latest();
    }

    private record Entry(long sequence, EncodedMessage message, Instant publishedAt) {
    }

    /** One stream's messages, oldest first, with consecutive sequences ending at {@code lastSequence}. */
    private static final class Buffer {
        private final int size;
        private final Duration maxAge;
        private final Clock clock;
        private final Deque<Entry> entries = new ArrayDeque<>();
        private long lastSequence;

        Buffer(int size, Duration maxAge, Clock clock) {
            this.size = size;
            this.maxAge = maxAge;
            this.clock = clock;
        }

        synchronized long lastSequence() {
            return lastSequence;
        }

        synchronized void append(long sequence, EncodedMessage message) {
            requireNext(sequence);
            Instant now = clock.instant();
            if (entries.size() == size) {
                entries.removeFirst();
            }
            entries.addLast(new Entry(sequence, message, now));
            lastSequence = sequence;
            evictOlderThan(now.minus(maxAge));
        }

        synchronized void skip(long sequence) {
            requireNext(sequence);
            // What is kept must end at lastSequence, so a replay never jumps over the skipped one.
            entries.clear();
            lastSequence = sequence;
        }

        private void requireNext(long sequence) {
            if (sequence != lastSequence + 1) {
                throw new IllegalArgumentException("expected sequence " + (lastSequence + 1) + ", got " + sequence);
            }
        }

        synchronized Optional<List<EncodedMessage>> messagesAfter(long sequence) {
            evictOlderThan(clock.instant().minus(maxAge));
            if (sequence == lastSequence) {
                return Optional.of(List.of());
            }
            if (entries.isEmpty() || entries.peekFirst().sequence() > sequence + 1) {
                return Optional.empty();
            }
            List<EncodedMessage> missed = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.sequence() > sequence) {
                    missed.add(entry.message());
                }
            }
            return Optional.of(missed);
        }

        synchronized Optional<EncodedMessage> latest() {
            evictOlderThan(clock.instant().minus(maxAge));
            return Optional.ofNullable(entries.peekLast()).map(Entry::message);
        }

        private void evictOlderThan(Instant cutoff) {
            while (!entries.isEmpty() && entries.peekFirst().publishedAt().isBefore(cutoff)) {
                entries.removeFirst();
            }
        }
    }
}

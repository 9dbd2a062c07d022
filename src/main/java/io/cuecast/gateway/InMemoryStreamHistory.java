package io.cuecast.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * History in this process's memory: per table and stream, at most {@link HistorySettings#size()} messages,
 * none older than {@link HistorySettings#maxAge()}. Memory stays bounded by the count; age is enforced on every append and read.
 *
 * <p>Thread-safe: each stream's buffer is guarded by its own monitor (uncontended in practice,
 * since callers already hold the stream's lock).
 */
final class InMemoryStreamHistory implements StreamHistory {

    private final String epoch;
    private final Map<TableStream, Buffer> buffers = new HashMap<>();

    InMemoryStreamHistory(HistorySettings settings, Tables tables, Clock clock) {
        this.epoch = settings.epoch() == null ? UUID.randomUUID().toString() : settings.epoch();
        for (String table : tables.ids()) {
            for (Stream stream : Stream.values()) {
                buffers.put(new TableStream(table, stream), new Buffer(settings.size(), settings.maxAge(), clock));
            }
        }
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public long lastSequence(TableStream stream) {
        return bufferOf(stream).lastSequence();
    }

    @Override
    public void append(TableStream stream, long sequence, EncodedMessage message) {
        bufferOf(stream).append(sequence, message);
    }

    @Override
    public void skip(TableStream stream, long sequence) {
        bufferOf(stream).skip(sequence);
    }

    @Override
    public void skipTo(TableStream stream, long sequence) {
        bufferOf(stream).skipTo(sequence);
    }

    @Override
    public Optional<List<EncodedMessage>> messagesAfter(TableStream stream, long sequence) {
        return bufferOf(stream).messagesAfter(sequence);
    }

    @Override
    public Optional<EncodedMessage> latest(TableStream stream) {
        return bufferOf(stream).latest();
    }

    private Buffer bufferOf(TableStream stream) {
        Buffer buffer = buffers.get(stream);
        if (buffer == null) {
            throw new IllegalArgumentException("no table '" + stream.table() + "' here");
        }
        return buffer;
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

        synchronized void skipTo(long sequence) {
            if (sequence <= lastSequence) {
                throw new IllegalArgumentException("expected a sequence after " + lastSequence + ", got " + sequence);
            }
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

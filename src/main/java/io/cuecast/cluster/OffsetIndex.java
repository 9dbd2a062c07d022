package io.cuecast.cluster;

import io.cuecast.gateway.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where in Kafka a table's stream message lies, so that a read of older history seeks close to
 * the sequence it needs rather than scanning a partition from its start. The gateway's feed notes
 * every message it takes; a sparse entry every {@value #SPACING} sequences is kept, and at most
 * {@value #MAX_ENTRIES} of them per table's stream (the oldest go first), so the index stays small
 * however long a topic's retention is.
 */
final class OffsetIndex {

    static final int SPACING = 32;
    static final int MAX_ENTRIES = 4096;

    /** A message's place: its partition and its offset there. */
    record Position(int partition, long offset) {
    }

    private record Key(String table, Stream stream) {
    }

    private final Map<Key, Entries> entries = new ConcurrentHashMap<>();

    /** Notes that the table's stream message numbered {@code sequence} is at this place. */
    void note(String table, Stream stream, long sequence, Position position) {
        entries.computeIfAbsent(new Key(table, stream), key -> new Entries()).note(sequence, position);
    }

    /**
     * Where to start reading to meet {@code sequence}: the place of the greatest indexed sequence
     * not after it. Empty when nothing that early was indexed.
     */
    Optional<Position> startFor(String table, Stream stream, long sequence) {
        Entries found = entries.get(new Key(table, stream));
        return found == null ? Optional.empty() : found.startFor(sequence);
    }

    private static final class Entries {
        private final TreeMap<Long, Position> bySequence = new TreeMap<>();

        synchronized void note(long sequence, Position position) {
            Map.Entry<Long, Position> last = bySequence.lastEntry();
            // Kafka delivers at least once: a repeat, or anything not newer, is not noted again.
            if (last != null && sequence < last.getKey() + SPACING) {
                return;
            }
            bySequence.put(sequence, position);
            if (bySequence.size() > MAX_ENTRIES) {
                bySequence.pollFirstEntry();
            }
        }

        synchronized Optional<Position> startFor(long sequence) {
            return Optional.ofNullable(bySequence.floorEntry(sequence)).map(Map.Entry::getValue);
        }
    }
}

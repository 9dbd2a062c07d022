package io.cuecast.gateway;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How much each stream remembers, for resume, and which streams hand new subscribers their latest
 * message.
 *
 * @param size               most messages kept per stream
 * @param maxAge             messages older than this are forgotten
 * @param latestValueStreams streams whose most recent message is sent on a plain subscribe
 * @param epoch              the numbering's epoch, shared by every gateway of a Kafka cluster; null for
 *                           a new one on each start (a single node, whose numbering restarts with it)
 */
public record HistorySettings(int size, Duration maxAge, Set<Stream> latestValueStreams, String epoch) {

    /** A single node's history, whose epoch is new on each start. */
    public HistorySettings(int size, Duration maxAge, Set<Stream> latestValueStreams) {
        this(size, maxAge, latestValueStreams, null);
    }

    public static final int DEFAULT_SIZE = 300;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);

    public HistorySettings {
        if (size < 1) {
            throw new IllegalArgumentException("history size must be at least 1, was " + size);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("history maxAge must be positive, was " + maxAge);
        }
        latestValueStreams = Set.copyOf(latestValueStreams);
        if (epoch != null && epoch.isBlank()) {
            throw new IllegalArgumentException("history epoch must not be blank");
        }
    }

    /** The value of a stream-list key that names no stream. */
    private static final String NONE = "none";

    /** 300 messages, 60 seconds, and the latest {@code state} on subscribe. */
    public static HistorySettings defaults() {
        return new HistorySettings(DEFAULT_SIZE, DEFAULT_MAX_AGE, EnumSet.of(Stream.STATE));
    }

    /**
     * Reads a comma-separated list of stream names, e.g. {@code "state, config"}, or {@code none}
     * for no stream at all (an empty value would mean the key's default).
     *
     * @throws IllegalArgumentException naming any unknown stream
     */
    public static Set<Stream> streamsNamed(String commaSeparated) {
        Set<Stream> streams = EnumSet.noneOf(Stream.class);
        if (commaSeparated.trim().equals(NONE)) {
            return streams;
        }
        for (String name : commaSeparated.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                streams.add(Stream.fromWireName(trimmed).orElseThrow(() -> new IllegalArgumentException(
                        "unknown stream '" + trimmed + "'; streams are " + String.join(", ", Stream.wireNames()))));
            }
        }
        return streams;
    }
}

package io.cuecast.gateway;

import java.util.List;
import java.util.Optional;

/**
 * The broker side of each table's streams, in the manner of Centrifugo's broker: it owns each stream's position
 * (its last sequence) and keeps recent messages so that a reconnecting client can recover what it
 * missed. It is an interface so that a shared (Kafka-backed, say) store can replace the in-memory
 * one without touching the protocol.
 *
 * <p>Messages are stored exactly as they were fanned out, never serialized again.
 */
interface StreamHistory {

    /**
     * Identifies this run of the numbering. Sequences restart when it changes, so a client must not
     * resume with positions it got under another epoch.
     */
    String epoch();

    /** The last sequence appended to the stream; 0 before the first. */
    long lastSequence(TableStream stream);

    /**
     * Records the message just published on the stream. The publisher calls it under the stream's
     * lock with {@code sequence == lastSequence(stream) + 1}.
     */
    void append(TableStream stream, long sequence, EncodedMessage message);

    /**
     * Records that a message was published on the stream that is not to be kept (a video frame):
     * the position moves on, and the stream's earlier messages are forgotten, so a resume across
     * it reports that messages were lost. Same calling rules as {@link #append}.
     */
    void skip(TableStream stream, long sequence);

    /**
     * Records that the messages after {@code lastSequence(stream)} up to {@code sequence} were
     * published elsewhere and never reached this history (a gateway that joined a Kafka cluster after
     * they were retained no more): the position moves to {@code sequence} and earlier messages are
     * forgotten, so a resume from before it reports that messages were lost.
     *
     * @param sequence greater than {@link #lastSequence}
     */
    void skipTo(TableStream stream, long sequence);

    /**
     * Every message after {@code sequence}, in order, or empty when history no longer holds all of
     * them (evicted by size or age). An empty list means nothing was missed.
     *
     * @param sequence at most {@link #lastSequence}
     */
    Optional<List<EncodedMessage>> messagesAfter(TableStream stream, long sequence);

    /** The stream's most recent message while history still holds it. */
    Optional<EncodedMessage> latest(TableStream stream);
}

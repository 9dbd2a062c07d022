package io.cuecast.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;

/** Wraps payloads in the {@link Envelope} and serializes them to JSON text, stamping the time. */
final class MessageEncoder {

    private final ObjectMapper mapper;
    private final Clock clock;

    MessageEncoder(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException if Jackson cannot serialize {@code data}; that is a bug in
     *                                  the publisher, not in any client
     */
    EncodedMessage encodeStream(TableStream stream, long sequence, Object data) {
        return encode(stream.stream().wireName(), stream.table(), sequence, data);
    }

    /** A control reply (connection, subscribed, pong, ...), which carries no sequence. */
    EncodedMessage encodeControl(String type, Object data) {
        return encode(type, null, null, data);
    }

    private EncodedMessage encode(String type, String table, Long sequence, Object data) {
        Instant now = Timestamps.now(clock);
        Envelope envelope =
                new Envelope(type, table, sequence, Timestamps.iso(now), Timestamps.epochMicros(now), data);
        try {
            return EncodedMessage.of(mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialize the data of a '" + type + "' message: " + e.getOriginalMessage(), e);
        }
    }
}

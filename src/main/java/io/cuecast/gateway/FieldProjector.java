package io.cuecast.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts an encoded stream message down to a client's {@link MessageShape}, and decides whether it
 * meets a client's {@link Conditions}. The envelope ({@code type}, {@code sequence},
 * {@code timestamp}, {@code ts_us}) stays exactly as published: a filtered client gets the same
 * message, with less in {@code data}.
 */
final class FieldProjector {

    /** Marks a message sent again under min_fps; it follows {@code sequence} in the envelope. */
    static final String REPEAT = "repeat";
    static final String REDELIVERED = "redelivered";

    private final ObjectMapper mapper;

    FieldProjector(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The projections of one message; each distinct shape is encoded, and each distinct condition evaluated, at most once. */
    Projections of(EncodedMessage message) {
        return new Projections(message);
    }

    /** The same message with {@code "repeat": true} after its sequence, for a min_fps repeat. */
    EncodedMessage repeatOf(EncodedMessage message) {
        return flagged(message, REPEAT);
    }

    /** The same message with {@code "redelivered": true} after its sequence, for an overdue ack. */
    EncodedMessage redeliveryOf(EncodedMessage message) {
        return flagged(message, REDELIVERED);
    }

    private EncodedMessage flagged(EncodedMessage message, String flag) {
        ObjectNode envelope = parse(message);
        ObjectNode marked = envelope.objectNode();
        envelope.fields().forEachRemaining(field -> {
            marked.set(field.getKey(), field.getValue());
            if (field.getKey().equals("sequence")) {
                marked.put(flag, true);
            }
        });
        return EncodedMessage.of(marked.toString());
    }

    /** Not thread-safe: used under the stream's lock. */
    final class Projections {

        private final EncodedMessage original;
        /** Parsed, and the maps created, only when someone first asks for less than the whole message. */
        private ObjectNode envelope;
        private Map<MessageShape, EncodedMessage> byShape;
        private Map<Conditions, Boolean> admitted;

        private Projections(EncodedMessage original) {
            this.original = original;
        }

        /** Whether the message meets the conditions; evaluated once per distinct conditions. */
        boolean meets(Conditions conditions) {
            if (conditions.isEmpty()) {
                return true;
            }
            if (admitted == null) {
                admitted = new HashMap<>();
            }
            return admitted.computeIfAbsent(conditions, c -> c.admits(envelope().path("data")));
        }

        /** The original itself for the whole shape, and for data that is not an object. */
        EncodedMessage select(MessageShape shape) {
            if (shape.isWhole()) {
                return original;
            }
            if (byShape == null) {
                byShape = new HashMap<>();
            }
            return byShape.computeIfAbsent(shape, this::encode);
        }

        /** The message's sequence; 0 for one without. */
        long sequence() {
            return envelope().path("sequence").asLong();
        }

        /** What a client with this filter gets of the message, or empty when it does not meet the conditions. */
        Optional<EncodedMessage> filtered(StreamFilter filter) {
            return meets(filter.conditionsOrNone()) ? Optional.of(select(filter.shape())) : Optional.empty();
        }

        private ObjectNode envelope() {
            if (envelope == null) {
                envelope = parse(original);
            }
            return envelope;
        }

        private EncodedMessage encode(MessageShape shape) {
            JsonNode data = envelope().get("data");
            if (data == null || !data.isObject()) {
                return original;
            }
            ObjectNode projected = envelope.objectNode();
            envelope.fields().forEachRemaining(field -> projected.set(field.getKey(),
                    field.getKey().equals("data") ? shape.applyTo((ObjectNode) data) : field.getValue()));
            return EncodedMessage.of(projected.toString());
        }
    }

    private ObjectNode parse(EncodedMessage message) {
        try {
            return (ObjectNode) mapper.readTree(message.text());
        } catch (JsonProcessingException e) {
            // We wrote this text ourselves a moment ago; failing to read it back is a bug.
            throw new IllegalStateException("cannot re-read an encoded stream message", e);
        }
    }
}

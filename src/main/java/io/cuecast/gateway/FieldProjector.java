package io.cuecast.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Cuts an encoded stream message down to a client's {@link FieldSelection}. The envelope
 * ({@code type}, {@code sequence}, {@code timestamp}, {@code ts_us}) stays exactly as published:
 * a filtered client gets the same message, with fewer fields in {@code data}.
 */
final class FieldProjector {

    private final ObjectMapper mapper;

    FieldProjector(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The projections of one message; each distinct selection is parsed and encoded at most once. */
    Projections of(EncodedMessage message) {
        return new Projections(message);
    }

    final class Projections {

        private final EncodedMessage original;
        /** Parsed, and the map created, only when someone first asks for fewer fields. */
        private ObjectNode envelope;
        private Map<FieldSelection, EncodedMessage> bySelection;

        private Projections(EncodedMessage original) {
            this.original = original;
        }

        /** The original itself for {@link FieldSelection#ALL}, and for data that is not an object. */
        EncodedMessage select(FieldSelection fields) {
            if (fields.isAll()) {
                return original;
            }
            if (bySelection == null) {
                envelope = parse(original);
                bySelection = new HashMap<>();
            }
            return bySelection.computeIfAbsent(fields, this::encode);
        }

        private EncodedMessage encode(FieldSelection fields) {
            JsonNode data = envelope.get("data");
            if (data == null || !data.isObject()) {
                return original;
            }
            ObjectNode projected = envelope.objectNode();
            envelope.fields().forEachRemaining(field -> projected.set(field.getKey(),
                    field.getKey().equals("data") ? fields.applyTo((ObjectNode) data) : field.getValue()));
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

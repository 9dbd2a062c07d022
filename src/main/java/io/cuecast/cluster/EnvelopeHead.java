package io.cuecast.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a stream message's sequence from its JSON without reading the rest: the envelope puts it
 * third, before the data. The message itself is the one source of its number, in Kafka as on the wire.
 */
final class EnvelopeHead {

    private static final JsonFactory JSON = new JsonFactory();

    private EnvelopeHead() {
    }

    /** @throws IllegalArgumentException when the text is not an object with a positive whole {@code sequence} */
    static long sequenceOf(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a stream message is a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("sequence")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 1) {
                        throw new IllegalArgumentException("a stream message's sequence is a whole number from 1");
                    }
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("a stream message has a sequence");
        } catch (IOException e) {
            throw new IllegalArgumentException("a stream message is JSON: " + e.getMessage(), e);
        }
    }
}

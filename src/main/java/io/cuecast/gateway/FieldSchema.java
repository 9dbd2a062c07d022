package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of a stream message's {@code data} (or of one element of a list in it) that a
 * subscribe's {@code conditions} may name, so a condition on a field that does not exist is refused
 * at subscribe instead of silently never matching. See {@link StreamFields} for the streams'.
 */
final class FieldSchema {

    enum Kind { NUMBER, BOOLEAN, TEXT, OBJECT, LIST }

    /**
     * @param values   for text: the only values it takes (empty: any text)
     * @param ordered  for text: {@code values} are in increasing order, so gt, gte, lt and lte apply
     * @param children the fields of an object, or of each element of a list; null otherwise
     * @param derived  computes the value from the enclosing object, for fields the wire does not carry
     */
    record Field(String name, Kind kind, List<String> values, boolean ordered, FieldSchema children,
                 Function<JsonNode, JsonNode> derived) {

        /** This field's value in {@code object}, or null when it is absent. */
        JsonNode read(JsonNode object) {
            return derived != null ? derived.apply(object) : object.get(name);
        }

        String describe() {
            return switch (kind) {
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case TEXT -> values.isEmpty() ? "a string" : "one of " + String.join(", ", values);
                case OBJECT -> "an object";
                case LIST -> "a list";
            };
        }
    }

    private final Map<String, Field> fields;

    private FieldSchema(Map<String, Field> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    static FieldSchema of(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name(), field);
        }
        return new FieldSchema(byName);
    }

    Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    String names() {
        return String.join(", ", fields.keySet());
    }

    static Field number(String name) {
        return new Field(name, Kind.NUMBER, List.of(), false, null, null);
    }

    static Field bool(String name) {
        return new Field(name, Kind.BOOLEAN, List.of(), false, null, null);
    }

    /** Free text, or one of {@code values}. */
    static Field text(String name, List<String> values) {
        return new Field(name, Kind.TEXT, List.copyOf(values), false, null, null);
    }

    /** One of {@code levels}, which compare in the order given (lowest first). */
    static Field levels(String name, List<String> levels) {
        return new Field(name, Kind.TEXT, List.copyOf(levels), true, null, null);
    }

    static Field object(String name, FieldSchema children) {
        return new Field(name, Kind.OBJECT, List.of(), false, children, null);
    }

    static Field list(String name, FieldSchema elements) {
        return new Field(name, Kind.LIST, List.of(), false, elements, null);
    }

    /** A number the wire does not carry, computed from the enclosing object. */
    static Field derivedNumber(String name, Function<JsonNode, JsonNode> compute) {
        return new Field(name, Kind.NUMBER, List.of(), false, null, compute);
    }
}

package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A subscription's {@code conditions}, compiled by {@link ConditionParser}: checks that decide
 * whether a message goes to the client at all, and cuts that keep only some elements of a list
 * (the moving balls, say). Compared by the wire form, so clients asking the same share one
 * evaluation per message.
 */
final class Conditions {

    static final Conditions NONE = new Conditions(JsonNodeFactory.instance.objectNode(), List.of(), List.of());

    enum Operator {
        EQ, NE, GT, GTE, LT, LTE, IN;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean needsOrder() {
            return this == GT || this == GTE || this == LT || this == LTE;
        }
    }

    /** One operator and its operand (an array of operands for {@code in}) on one field. */
    record Comparison(FieldSchema.Field field, Operator operator, JsonNode operand) {

        /** A missing or null value matches nothing. */
        boolean holds(JsonNode value) {
            if (value == null || value.isNull() || value.isMissingNode()) {
                return false;
            }
            return switch (operator) {
                case EQ -> same(value, operand);
                case NE -> !same(value, operand);
                case IN -> any(value);
                case GT -> order(value) > 0;
                case GTE -> order(value) >= 0;
                case LT -> order(value) < 0;
                case LTE -> order(value) <= 0;
            };
        }

        private boolean any(JsonNode value) {
            for (JsonNode candidate : operand) {
                if (same(value, candidate)) {
                    return true;
                }
            }
            return false;
        }

        private boolean same(JsonNode value, JsonNode expected) {
            return switch (field.kind()) {
                case NUMBER -> value.isNumber() && value.doubleValue() == expected.doubleValue();
                case BOOLEAN -> value.isBoolean() && value.booleanValue() == expected.booleanValue();
                default -> value.isTextual() && value.textValue().equals(expected.textValue());
            };
        }

        /** Sign of value minus operand; a value of the wrong type or level ranks below everything. */
        private int order(JsonNode value) {
            if (field.kind() == FieldSchema.Kind.NUMBER) {
                return value.isNumber() ? Double.compare(value.doubleValue(), operand.doubleValue()) : -2;
            }
            int rank = value.isTextual() ? field.values().indexOf(value.textValue()) : -1;
            return rank < 0 ? -2 : Integer.compare(rank, field.values().indexOf(operand.textValue()));
        }
    }

    /** Comparisons on the value at {@code path} (nested object fields); all must hold. */
    record Check(List<FieldSchema.Field> path, List<Comparison> comparisons) {

        boolean holds(JsonNode object) {
            JsonNode value = object;
            for (FieldSchema.Field field : path) {
                if (value == null || !value.isObject()) {
                    return false;
                }
                value = field.read(value);
            }
            for (Comparison comparison : comparisons) {
                if (!comparison.holds(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Keeps only the elements of a top-level list for which every check holds. */
    record Cut(FieldSchema.Field list, List<Check> keep) {

        JsonNode apply(JsonNode elements) {
            if (elements == null || !elements.isArray()) {
                return elements;
            }
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : elements) {
                if (keep.stream().allMatch(check -> check.holds(element))) {
                    kept.add(element);
                }
            }
            return kept;
        }
    }

    private final ObjectNode wire;
    private final List<Check> checks;
    private final List<Cut> cuts;

    Conditions(ObjectNode wire, List<Check> checks, List<Cut> cuts) {
        this.wire = wire;
        this.checks = List.copyOf(checks);
        this.cuts = List.copyOf(cuts);
    }

    /** Whether a message with this {@code data} goes out: every check holds (data that is not an object fails any). */
    boolean admits(JsonNode data) {
        for (Check check : checks) {
            if (!check.holds(data)) {
                return false;
            }
        }
        return true;
    }

    List<Cut> cuts() {
        return cuts;
    }

    boolean isEmpty() {
        return checks.isEmpty() && cuts.isEmpty();
    }

    /** As the client sent it, for the status reply. */
    @JsonValue
    JsonNode wire() {
        return wire;
    }

    /** A new object with each cut list holding only its kept elements; other values are shared. */
    static ObjectNode cut(ObjectNode data, List<Cut> cuts) {
        ObjectNode result = data.objectNode();
        data.fields().forEachRemaining(field -> result.set(field.getKey(), field.getValue()));
        for (Cut cut : cuts) {
            if (result.has(cut.list().name())) {
                result.set(cut.list().name(), cut.apply(result.get(cut.list().name())));
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Conditions that && wire.equals(that.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return wire.toString();
    }
}

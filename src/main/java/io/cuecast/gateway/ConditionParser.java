package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates and compiles a filter's {@code conditions} against the stream's {@link FieldSchema}.
 * Each key is a field, dotted for nested ones ({@code table.found}); its value is an object of
 * operators ({@code {"gte": 3, "lt": 10}}: all must hold), or a plain value meaning {@code eq}. A
 * list field takes {@code {"where": {...}}}, conditions on its elements, and keeps only the
 * elements that meet them. Every problem is an {@code INVALID_SUBSCRIBE_FORMAT} naming the path.
 */
final class ConditionParser {

    private static final String WHERE = "where";
    private static final String OPERATORS =
            Arrays.stream(Conditions.Operator.values()).map(Conditions.Operator::wireName).collect(Collectors.joining(", "));

    private ConditionParser() {
    }

    /**
     * @param path       where the conditions sit in the request, e.g. {@code data.filters.state.conditions}
     * @param conditions a JSON object (the caller checked that)
     */
    static Conditions parse(String path, Stream stream, ObjectNode conditions) {
        if (conditions.isEmpty()) {
            return Conditions.NONE;
        }
        FieldSchema schema = StreamFields.of(stream).orElseThrow(() -> FilterParser.rejected(path
                + ": conditions are not available on '" + stream.wireName() + "' yet, since its fields are not"
                + " defined; streams that take conditions: " + StreamFields.streamsWithFields() + "."));
        List<Conditions.Check> checks = new ArrayList<>();
        List<Conditions.Cut> cuts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) conditions::fields) {
            String fieldPath = path + "." + entry.getKey();
            List<FieldSchema.Field> fields = resolve(fieldPath, entry.getKey(), schema, stream.wireName());
            FieldSchema.Field field = fields.get(fields.size() - 1);
            if (field.kind() == FieldSchema.Kind.LIST) {
                cuts.add(cut(fieldPath, fields, entry.getValue()));
            } else {
                checks.add(new Conditions.Check(fields, comparisons(fieldPath, field, entry.getValue())));
            }
        }
        return new Conditions(conditions.deepCopy(), checks, cuts);
    }

    /** The fields a dotted name walks through, the named one last. */
    private static List<FieldSchema.Field> resolve(String fieldPath, String name, FieldSchema schema, String owner) {
        String[] parts = name.split("\\.", -1);
        List<FieldSchema.Field> fields = new ArrayList<>();
        FieldSchema current = schema;
        String ownerName = owner;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (current == null) {
                throw FilterParser.rejected(fieldPath + " names no field: '" + ownerName + "' is "
                        + fields.get(i - 1).describe() + ", which has no field '" + part + "'.");
            }
            FieldSchema.Field field = current.field(part).orElse(null);
            if (field == null) {
                throw FilterParser.rejected(fieldPath + " names no field: '" + ownerName + "' has no field '"
                        + part + "'; its fields are " + current.names() + ".");
            }
            if (field.kind() == FieldSchema.Kind.LIST && i < parts.length - 1) {
                throw FilterParser.rejected(fieldPath + ": '" + part + "' is a list; name its elements' fields"
                        + " inside {\"where\": {...}}.");
            }
            fields.add(field);
            current = field.kind() == FieldSchema.Kind.OBJECT ? field.children() : null;
            ownerName = part;
        }
        return fields;
    }

    private static Conditions.Cut cut(String fieldPath, List<FieldSchema.Field> fields, JsonNode value) {
        FieldSchema.Field list = fields.get(fields.size() - 1);
        if (fields.size() > 1 || !value.isObject() || value.size() != 1 || !value.has(WHERE)) {
            throw FilterParser.rejected(fieldPath + " is a list; keep some of its elements with"
                    + " {\"where\": {FIELD: CONDITION, ...}}, on a top-level list only.");
        }
        JsonNode where = value.get(WHERE);
        String wherePath = fieldPath + "." + WHERE;
        if (!where.isObject() || where.isEmpty()) {
            throw FilterParser.rejected(wherePath + " must be a non-empty object of conditions on the elements' fields ("
                    + list.children().names() + "), but it is " + SubscriptionRequest.describe(where) + ".");
        }
        List<Conditions.Check> keep = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) where::fields) {
            String elementPath = wherePath + "." + entry.getKey();
            List<FieldSchema.Field> elementFields = resolve(elementPath, entry.getKey(), list.children(),
                    list.name() + "[]");
            FieldSchema.Field field = elementFields.get(elementFields.size() - 1);
            keep.add(new Conditions.Check(elementFields, comparisons(elementPath, field, entry.getValue())));
        }
        return new Conditions.Cut(list, keep);
    }

    private static List<Conditions.Comparison> comparisons(String fieldPath, FieldSchema.Field field, JsonNode value) {
        if (field.kind() == FieldSchema.Kind.OBJECT) {
            throw FilterParser.rejected(fieldPath + " is an object; name one of its fields instead ("
                    + field.children().names() + "), dotted, e.g. '" + field.name() + ".FIELD'.");
        }
        if (!value.isObject()) {
            return List.of(comparison(fieldPath, field, Conditions.Operator.EQ, value));
        }
        if (value.isEmpty()) {
            throw FilterParser.rejected(fieldPath + " has no operator; use one or more of " + OPERATORS + ".");
        }
        List<Conditions.Comparison> comparisons = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
            Conditions.Operator operator = Arrays.stream(Conditions.Operator.values())
                    .filter(candidate -> candidate.wireName().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> FilterParser.rejected(fieldPath + " has the unknown operator '"
                            + entry.getKey() + "'; the operators are " + OPERATORS + "."));
            comparisons.add(comparison(fieldPath + "." + entry.getKey(), field, operator, entry.getValue()));
        }
        return comparisons;
    }

    private static Conditions.Comparison comparison(String path, FieldSchema.Field field,
                                                    Conditions.Operator operator, JsonNode operand) {
        if (operator.needsOrder() && !(field.kind() == FieldSchema.Kind.NUMBER || field.ordered())) {
            throw FilterParser.rejected(path + ": '" + operator.wireName() + "' needs an ordered field, but '"
                    + field.name() + "' is " + field.describe() + "; use eq, ne or in.");
        }
        if (operator == Conditions.Operator.IN) {
            if (!operand.isArray() || operand.isEmpty()) {
                throw FilterParser.rejected(path + " must be a non-empty array of values, but it is "
                        + SubscriptionRequest.describe(operand) + ".");
            }
            for (int i = 0; i < operand.size(); i++) {
                requireOperand(path + "[" + i + "]", field, operand.get(i));
            }
        } else {
            requireOperand(path, field, operand);
        }
        return new Conditions.Comparison(field, operator, operand.deepCopy());
    }

    private static void requireOperand(String path, FieldSchema.Field field, JsonNode operand) {
        boolean fits = switch (field.kind()) {
            case NUMBER -> operand.isNumber();
            case BOOLEAN -> operand.isBoolean();
            default -> operand.isTextual() && (field.values().isEmpty() || field.values().contains(operand.textValue()));
        };
        if (!fits) {
            throw FilterParser.rejected(path + " must be " + field.describe() + ", like the field '" + field.name()
                    + "', but it is " + (operand.isTextual() ? "'" + operand.textValue() + "'"
                    : SubscriptionRequest.describe(operand)) + ".");
        }
    }
}

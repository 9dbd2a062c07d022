package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Validates {@code subscribe.data.filters}: per stream, an object of known keys with sane values.
 * Every problem is an {@code INVALID_SUBSCRIBE_FORMAT} naming the path of the bad value, so the
 * whole subscribe is refused rather than a filter being silently dropped.
 *
 * <p>{@code quality_level} is part of the protocol but not applied yet; it is checked for shape and
 * then refused as not supported, not ignored. {@code conditions} are compiled by {@link ConditionParser}.
 */
final class FilterParser {

    /** Above any camera we drive; a larger number is a client bug, not a wish. */
    static final double MAX_FPS_LIMIT = 240;

    private static final String MAX_FPS = "max_fps";
    private static final String MIN_FPS = "min_fps";
    private static final String INCLUDE_FIELDS = "include_fields";
    private static final String EXCLUDE_FIELDS = "exclude_fields";
    private static final String CONDITIONS = "conditions";
    private static final String QUALITY_LEVEL = "quality_level";
    private static final List<String> KEYS =
            List.of(MAX_FPS, MIN_FPS, INCLUDE_FIELDS, EXCLUDE_FIELDS, CONDITIONS, QUALITY_LEVEL);
    private static final Set<String> NOT_SUPPORTED_YET = Set.of(QUALITY_LEVEL);

    private FilterParser() {
    }

    /**
     * @param filters  {@code data.filters}: null, JSON null or an object (its shape is checked by the caller)
     * @param streams  the request's {@code data.streams}; a filter must name one of them
     * @param latestValueStreams the streams that take {@code min_fps}, which repeats a latest value
     */
    static Map<Stream, StreamFilter> parse(JsonNode filters, List<Stream> streams, Set<Stream> latestValueStreams) {
        if (filters == null || filters.isNull()) {
            return Map.of();
        }
        Map<Stream, StreamFilter> parsed = new EnumMap<>(Stream.class);
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) filters::fields) {
            String name = entry.getKey();
            Stream stream = Stream.fromWireName(name).orElseThrow(() -> rejected(
                    "data.filters names the unknown stream '" + name + "'."));
            if (!streams.contains(stream)) {
                throw rejected("data.filters names '" + name + "', which is not in data.streams.");
            }
            parsed.put(stream, filter("data.filters." + name, stream, entry.getValue(), latestValueStreams));
        }
        return Collections.unmodifiableMap(parsed);
    }

    private static StreamFilter filter(String path, Stream stream, JsonNode filter, Set<Stream> latestValueStreams) {
        if (!filter.isObject()) {
            throw rejected(path + " must be an object, but it is " + SubscriptionRequest.describe(filter) + ".");
        }
        filter.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw rejected(path + " has the unknown key '" + key + "'; a filter may have "
                        + String.join(", ", KEYS) + ".");
            }
        });
        Double maxFps = fps(path, filter, MAX_FPS);
        Double minFps = fps(path, filter, MIN_FPS);
        if (maxFps != null && minFps != null && minFps > maxFps) {
            throw rejected(path + ".min_fps (" + minFps + ") is above max_fps (" + maxFps + ").");
        }
        if (minFps != null && !latestValueStreams.contains(stream)) {
            throw rejected(path + ".min_fps repeats the latest value, so it applies only to latest-value streams ("
                    + latestValueStreams.stream().map(Stream::wireName).sorted().toList()
                    + ", cuecast.gateway.latest-value-streams); '" + stream.wireName()
                    + "' is a stream of events, and repeating one would report it twice.");
        }
        List<String> include = fieldList(path, filter, INCLUDE_FIELDS);
        if (include != null && include.isEmpty()) {
            throw rejected(path + ".include_fields is empty, which would leave nothing to send.");
        }
        List<String> exclude = fieldList(path, filter, EXCLUDE_FIELDS);
        requireType(path, filter, CONDITIONS, JsonNode::isObject, "an object");
        requireType(path, filter, QUALITY_LEVEL, JsonNode::isTextual, "a string");
        for (String key : KEYS) {
            if (NOT_SUPPORTED_YET.contains(key) && filter.has(key)) {
                throw rejected(path + "." + key + " is not supported yet; the filters applied today are "
                        + String.join(", ", MAX_FPS, MIN_FPS, INCLUDE_FIELDS, EXCLUDE_FIELDS) + " and " + CONDITIONS + ".");
            }
        }
        Conditions conditions = filter.has(CONDITIONS)
                ? ConditionParser.parse(path + "." + CONDITIONS, stream, (ObjectNode) filter.get(CONDITIONS))
                : Conditions.NONE;
        return new StreamFilter(maxFps, include, exclude, minFps, conditions.isEmpty() ? null : conditions);
    }

    private static Double fps(String path, JsonNode filter, String key) {
        JsonNode value = filter.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !(value.doubleValue() > 0) || value.doubleValue() > MAX_FPS_LIMIT) {
            throw rejected(path + "." + key + " must be a number above 0 and at most " + (int) MAX_FPS_LIMIT
                    + ", but it is " + (value.isNumber() ? value.asText() : SubscriptionRequest.describe(value)) + ".");
        }
        return value.doubleValue();
    }

    private static List<String> fieldList(String path, JsonNode filter, String key) {
        JsonNode value = filter.get(key);
        if (value == null) {
            return null;
        }
        String problem = path + "." + key + " must be an array of field names (strings)";
        if (!value.isArray()) {
            throw rejected(problem + ", but it is " + SubscriptionRequest.describe(value) + ".");
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode field = value.get(i);
            if (!field.isTextual()) {
                throw rejected(problem + ", but element " + i + " is " + SubscriptionRequest.describe(field) + ".");
            }
            fields.add(field.asText());
        }
        return fields;
    }

    private static void requireType(String path, JsonNode filter, String key,
                                    Predicate<JsonNode> test, String expected) {
        JsonNode value = filter.get(key);
        if (value != null && !test.test(value)) {
            throw rejected(path + "." + key + " must be " + expected + ", but it is "
                    + SubscriptionRequest.describe(value) + ".");
        }
    }

    static RequestRejected rejected(String problem) {
        return new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, problem + " No subscription was changed.");
    }
}

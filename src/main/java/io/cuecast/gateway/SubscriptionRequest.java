package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The validated body of a subscribe or unsubscribe message. Validation is all-or-nothing: one
 * bad stream name rejects the whole request, so a client never ends up half-subscribed.
 *
 * <p>Subscribe also takes per-stream {@code filters}, validated by {@link FilterParser}. Whether a resume position is still reachable depends on the history, so that is checked later,
 * under the stream's lock.
 *
 * @param streams the requested streams in request order, possibly with repeats
 * @param resume  per stream, the last sequence the client received; only streams in {@code streams}
 * @param filters per stream, what the client wants of it; only streams in {@code streams}
 */
record SubscriptionRequest(List<Stream> streams, Map<Stream, Long> resume, Map<Stream, StreamFilter> filters) {

    /** Room for every stream a few times over; a longer list is a client bug, not a wish. */
    static final int MAX_STREAM_NAMES = 32;
    /** An error names this many unknown streams at most, each cut to this length, so it stays small. */
    private static final int UNKNOWN_NAMES_SHOWN = 5;
    private static final int NAME_CHARS_SHOWN = 40;

    /** @param latestValueStreams the streams that take {@code min_fps} */
    static SubscriptionRequest subscribe(JsonNode data, Set<Stream> latestValueStreams) {
        ErrorCode invalid = ErrorCode.INVALID_SUBSCRIBE_FORMAT;
        requireObject(data, "data", invalid);
        requireObjectIfPresent(data, "filters", invalid);
        requireObjectIfPresent(data, "resume", invalid);
        List<Stream> streams = streams(data, invalid);
        return new SubscriptionRequest(streams, resume(data.get("resume"), streams),
                FilterParser.parse(data.get("filters"), streams, latestValueStreams));
    }

    static SubscriptionRequest unsubscribe(JsonNode data) {
        ErrorCode invalid = ErrorCode.INVALID_UNSUBSCRIBE_FORMAT;
        requireObject(data, "data", invalid);
        return new SubscriptionRequest(streams(data, invalid), Map.of(), Map.of());
    }

    private static Map<Stream, Long> resume(JsonNode resume, List<Stream> streams) {
        if (resume == null || resume.isNull()) {
            return Map.of();
        }
        Map<Stream, Long> positions = new EnumMap<>(Stream.class);
        ErrorCode invalid = ErrorCode.INVALID_SUBSCRIBE_FORMAT;
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) resume::fields) {
            String name = field.getKey();
            Stream stream = Stream.fromWireName(name).orElseThrow(() -> new RequestRejected(invalid,
                    "data.resume names the unknown stream '" + name + "'. No subscription was changed."));
            if (!streams.contains(stream)) {
                throw new RequestRejected(invalid, "data.resume names '" + name
                        + "', which is not in data.streams. No subscription was changed.");
            }
            JsonNode sequence = field.getValue();
            if (!sequence.isIntegralNumber() || !sequence.canConvertToLong() || sequence.longValue() < 0) {
                throw new RequestRejected(invalid, "data.resume." + name
                        + " must be a non-negative whole number (the last sequence received), but it is "
                        + (sequence.isNumber() ? sequence.asText() : describe(sequence))
                        + ". No subscription was changed.");
            }
            positions.put(stream, sequence.longValue());
        }
        return Collections.unmodifiableMap(positions);
    }

    private static List<Stream> streams(JsonNode data, ErrorCode invalid) {
        JsonNode names = data.get("streams");
        if (names == null || !names.isArray()) {
            throw new RequestRejected(invalid, "data.streams must be an array of stream names, but it is "
                    + describe(names) + ".");
        }
        if (names.size() > MAX_STREAM_NAMES) {
            throw new RequestRejected(invalid, "data.streams has " + names.size() + " names; at most "
                    + MAX_STREAM_NAMES + " are accepted, and there are " + Stream.values().length
                    + " streams. No subscription was changed.");
        }
        List<Stream> streams = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode name = names.get(i);
            if (!name.isTextual()) {
                throw new RequestRejected(invalid, "data.streams must contain only strings, but element "
                        + i + " is " + describe(name) + ".");
            }
            Stream.fromWireName(name.asText()).ifPresentOrElse(streams::add, () -> unknown.add(name.asText()));
        }
        if (!unknown.isEmpty()) {
            throw new RequestRejected(invalid, "Unknown stream(s) " + shortList(unknown)
                    + "; valid streams are " + String.join(", ", Stream.wireNames())
                    + ". No subscription was changed.");
        }
        return List.copyOf(streams);
    }

    /** The first few names, each cut short, and how many more there were: an error must not echo a flood. */
    private static String shortList(List<String> names) {
        List<String> shown = names.stream().limit(UNKNOWN_NAMES_SHOWN)
                .map(name -> name.length() > NAME_CHARS_SHOWN ? name.substring(0, NAME_CHARS_SHOWN) + "..." : name)
                .toList();
        String more = names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "";
        return String.join(", ", shown) + more;
    }

    private static void requireObject(JsonNode node, String path, ErrorCode invalid) {
        if (node == null || !node.isObject()) {
            throw new RequestRejected(invalid, path + " must be an object, but it is " + describe(node) + ".");
        }
    }

    /** JSON null counts as absent, so clients may send {@code "filters": null}. */
    private static void requireObjectIfPresent(JsonNode data, String field, ErrorCode invalid) {
        JsonNode value = data.get(field);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw new RequestRejected(invalid, "data." + field + " must be an object when present, but it is "
                    + describe(value) + ".");
        }
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isNull()) {
            return "null";
        }
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }
}

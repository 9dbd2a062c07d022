package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>{@code tables} names the tables; left out, a subscribe means every table and an unsubscribe
 * every table the client has. A resume position is a number when the request covers one table,
 * and an object of numbers by table id otherwise.
 *
 * @param streams the requested streams in request order, possibly with repeats
 * @param tables  the tables, in request order without repeats; empty for an unsubscribe from all
 * @param resume  per stream, the last sequence the client received on each table; only streams in
 *                {@code streams}, tables in {@code tables}
 * @param filters per stream, what the client wants of it; only streams in {@code streams}
 */
record SubscriptionRequest(List<Stream> streams, List<String> tables, Map<Stream, Resume> resume,
                           Map<Stream, StreamFilter> filters) {

    /**
     * Where a client resumes one stream.
     *
     * @param after   per table, the last sequence received
     * @param byTable whether the client gave the positions by table (an object), so the
     *                {@code recovered} reply answers in the same shape
     */
    record Resume(Map<String, Long> after, boolean byTable) {
    }

    /** Room for every stream a few times over; a longer list is a client bug, not a wish. */
    static final int MAX_STREAM_NAMES = 32;
    /** A pool hall has tens of tables; a longer list is a client bug. */
    static final int MAX_TABLE_IDS = 256;
    /** An error names this many unknown streams at most, each cut to this length, so it stays small. */
    private static final int UNKNOWN_NAMES_SHOWN = 5;
    private static final int NAME_CHARS_SHOWN = 40;

    /** @param latestValueStreams the streams that take {@code min_fps} */
    /** @param latestValueStreams the streams that take {@code min_fps} */
    static SubscriptionRequest subscribe(JsonNode data, Set<Stream> latestValueStreams, Tables known) {
        ErrorCode invalid = ErrorCode.INVALID_SUBSCRIBE_FORMAT;
        requireObject(data, "data", invalid);
        requireObjectIfPresent(data, "filters", invalid);
        requireObjectIfPresent(data, "resume", invalid);
        List<Stream> streams = streams(data, invalid);
        List<String> named = tables(data, known, invalid);
        List<String> tables = named.isEmpty() ? known.ids() : named;
        return new SubscriptionRequest(streams, tables, resume(data.get("resume"), streams, tables),
                FilterParser.parse(data.get("filters"), streams, latestValueStreams));
    }

    static SubscriptionRequest unsubscribe(JsonNode data, Tables known) {
        ErrorCode invalid = ErrorCode.INVALID_UNSUBSCRIBE_FORMAT;
        requireObject(data, "data", invalid);
        return new SubscriptionRequest(streams(data, invalid), tables(data, known, invalid), Map.of(), Map.of());
    }

    /** The named tables, or empty when {@code data.tables} is left out. */
    private static List<String> tables(JsonNode data, Tables known, ErrorCode invalid) {
        JsonNode ids = data.get("tables");
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_TABLE_IDS) {
            throw new RequestRejected(invalid, "data.tables must be an array of 1 to " + MAX_TABLE_IDS
                    + " table ids when present, but it is " + describe(ids) + ". No subscription was changed.");
        }
        Set<String> tables = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new RequestRejected(invalid, "data.tables must contain only strings, but it has "
                        + describe(id) + ". No subscription was changed.");
            }
            tables.add(id.asText());
        }
        List<String> unknown = known.unknown(tables);
        if (!unknown.isEmpty()) {
            throw new RequestRejected(invalid, "Unknown table(s) " + shortList(unknown) + "; the tables are "
                    + known + ". No subscription was changed.");
        }
        return List.copyOf(tables);
    }

    private static Map<Stream, Resume> resume(JsonNode resume, List<Stream> streams, List<String> tables) {
        if (resume == null || resume.isNull()) {
            return Map.of();
        }
        Map<Stream, Resume> positions = new EnumMap<>(Stream.class);
        ErrorCode invalid = ErrorCode.INVALID_SUBSCRIBE_FORMAT;
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) resume::fields) {
            String name = field.getKey();
            Stream stream = Stream.fromWireName(name).orElseThrow(() -> new RequestRejected(invalid,
                    "data.resume names the unknown stream '" + name + "'. No subscription was changed."));
            if (!streams.contains(stream)) {
                throw new RequestRejected(invalid, "data.resume names '" + name
                        + "', which is not in data.streams. No subscription was changed.");
            }
            positions.put(stream, resumeOf("data.resume." + name, field.getValue(), tables));
        }
        return Collections.unmodifiableMap(positions);
    }

    private static Resume resumeOf(String path, JsonNode position, List<String> tables) {
        ErrorCode invalid = ErrorCode.INVALID_SUBSCRIBE_FORMAT;
        if (!position.isObject()) {
            if (tables.size() != 1) {
                throw new RequestRejected(invalid, path + " must give the position on each table, as {\"table id\": "
                        + "sequence, ...}, since the request covers the tables " + String.join(", ", tables)
                        + ". No subscription was changed.");
            }
            return new Resume(Map.of(tables.get(0), sequence(path, position)), false);
        }
        Map<String, Long> after = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) position::fields) {
            if (!tables.contains(field.getKey())) {
                throw new RequestRejected(invalid, path + " names the table '" + shortList(List.of(field.getKey()))
                        + "', which the request does not cover. No subscription was changed.");
            }
            after.put(field.getKey(), sequence(path + "." + field.getKey(), field.getValue()));
        }
        return new Resume(Collections.unmodifiableMap(after), true);
    }

    private static long sequence(String path, JsonNode sequence) {
        if (!sequence.isIntegralNumber() || !sequence.canConvertToLong() || sequence.longValue() < 0) {
            throw new RequestRejected(ErrorCode.INVALID_SUBSCRIBE_FORMAT, path
                    + " must be a non-negative whole number (the last sequence received), but it is "
                    + (sequence.isNumber() ? sequence.asText() : describe(sequence))
                    + ". No subscription was changed.");
        }
        return sequence.longValue();
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

package io.cuecast.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's {@code ack}: {@code {"stream":"alert"}} and exactly one of {@code "sequence": N},
 * {@code "sequences": [N, ...]} or the cumulative {@code "up_to": N} (every pending message up to N),
 * with the message's {@code "table_id"}, which only an installation of several tables needs.
 *
 * @param sequences the sequences acknowledged one by one; empty for a cumulative ack
 * @param upTo      the cumulative bound, or 0 when the sequences are listed
 */
record AckRequest(TableStream target, List<Long> sequences, long upTo) {

    static final int MAX_SEQUENCES = 1000;
    private static final String FORMAT = "An ack is {\"type\":\"ack\",\"data\":{\"stream\":\"alert\",\"sequence\":N}}"
            + " (or \"sequences\":[N,...] or \"up_to\":N instead of \"sequence\").";

    boolean cumulative() {
        return upTo > 0;
    }

    /** @throws RequestRejected with INVALID_ACK_FORMAT saying what is wrong */
    static AckRequest parse(JsonNode data, AckSettings settings, Tables tables) {
        if (data == null || !data.isObject()) {
            throw invalid("The ack has no data object. " + FORMAT);
        }
        JsonNode name = data.get("stream");
        if (name == null || !name.isTextual()) {
            throw invalid("The ack names no \"stream\". " + FORMAT);
        }
        Stream stream = Stream.fromWireName(name.asText()).orElseThrow(() -> invalid("Unknown stream '" + name.asText()
                + "'; streams are " + String.join(", ", Stream.wireNames()) + "."));
        if (!settings.requiresAck(stream)) {
            throw invalid("The " + stream.wireName() + " stream needs no acks; these do: "
                    + settings.streams().stream().map(Stream::wireName).sorted().toList() + ".");
        }
        TableStream target = new TableStream(table(data.get("table_id"), tables), stream);
        int given = (data.has("sequence") ? 1 : 0) + (data.has("sequences") ? 1 : 0) + (data.has("up_to") ? 1 : 0);
        if (given != 1) {
            throw invalid("Give exactly one of \"sequence\", \"sequences\" or \"up_to\". " + FORMAT);
        }
        if (data.has("up_to")) {
            return new AckRequest(target, List.of(), sequence(data.get("up_to"), "up_to"));
        }
        if (data.has("sequence")) {
            return new AckRequest(target, List.of(sequence(data.get("sequence"), "sequence")), 0);
        }
        JsonNode list = data.get("sequences");
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_SEQUENCES) {
            throw invalid("\"sequences\" must be a list of 1 to " + MAX_SEQUENCES + " sequence numbers.");
        }
        List<Long> sequences = new ArrayList<>();
        list.forEach(item -> sequences.add(sequence(item, "sequences")));
        return new AckRequest(target, List.copyOf(sequences), 0);
    }

    private static String table(JsonNode id, Tables tables) {
        if (id == null || id.isNull()) {
            if (!tables.isSingle()) {
                throw invalid("Several tables are served here: say whose message this is with \"table_id\" (one of "
                        + tables + ").");
            }
            return tables.defaultId();
        }
        if (!id.isTextual() || !tables.contains(id.asText())) {
            throw invalid("\"table_id\" must be one of " + tables + ", not " + id + ".");
        }
        return id.asText();
    }

    private static long sequence(JsonNode value, String field) {
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 1) {
            throw invalid("\"" + field + "\" must hold whole numbers of at least 1, not " + value + ".");
        }
        return value.asLong();
    }

    private static RequestRejected invalid(String message) {
        return new RequestRejected(ErrorCode.INVALID_ACK_FORMAT, message);
    }
}

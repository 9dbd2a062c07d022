package io.cuecast.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** One connected client as the tests drive it: what it sends through the gateway and what it got. */
final class TestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String key;
    final RecordingChannel channel = new RecordingChannel();
    final ClientSession session;
    private final Gateway gateway;

    TestClient(Gateway gateway, String key) {
        this.gateway = gateway;
        this.key = key;
        this.session = gateway.connect(key, channel, "10.0.0.7:51234");
    }

    /** Sends raw text, written with single quotes for readability: 'x' becomes "x". */
    void send(String jsonWithSingleQuotes) {
        gateway.receive(key, jsonWithSingleQuotes.replace('\'', '"'));
    }

    void sendRaw(String text) {
        gateway.receive(key, text);
    }

    List<JsonNode> received() {
        return channel.sent().stream().map(TestClient::parse).toList();
    }

    JsonNode last() {
        List<JsonNode> all = received();
        return all.get(all.size() - 1);
    }

    /** Sends a message and returns the single reply it caused. */
    JsonNode request(String jsonWithSingleQuotes) {
        int before = channel.sent().size();
        send(jsonWithSingleQuotes);
        List<JsonNode> all = received();
        if (all.size() != before + 1) {
            throw new AssertionError("expected exactly one reply, got " + all.subList(before, all.size()));
        }
        return all.get(before);
    }

    /** Sends a message and returns the first message it caused, for replies that stream messages follow. */
    JsonNode firstReplyTo(String jsonWithSingleQuotes) {
        int before = channel.sent().size();
        send(jsonWithSingleQuotes);
        List<JsonNode> all = received();
        if (all.size() == before) {
            throw new AssertionError("expected a reply, got nothing");
        }
        return all.get(before);
    }

    /**
     * Subscribes to one stream with these {@code data.filters} (null: none), checks that the reply
     * is {@code subscribed}, and returns this client.
     */
    TestClient subscribeTo(String stream, String filters) {
        String filterPart = filters == null ? "" : ",'filters':" + filters;
        JsonNode reply = firstReplyTo("{'type':'subscribe','data':{'streams':['" + stream + "']" + filterPart + "}}");
        if (!reply.path("type").asText().equals("subscribed")) {
            throw new AssertionError("expected subscribed, got " + reply);
        }
        return this;
    }

    List<JsonNode> ofType(String type) {
        return received().stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }

    /** The sequences of the stream messages of this type received, in order. */
    List<Long> sequences(String type) {
        return ofType(type).stream().map(m -> m.get("sequence").asLong()).toList();
    }

    /** The exact String object last sent, to check that clients share one encoded text. */
    String lastSentText() {
        List<String> sent = channel.sent();
        return sent.get(sent.size() - 1);
    }

    /** An object's keys in order. */
    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("server sent invalid JSON: " + text, e);
        }
    }
}

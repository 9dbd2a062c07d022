package io.cuecast.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    List<JsonNode> ofType(String type) {
        return received().stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("server sent invalid JSON: " + text, e);
        }
    }
}

package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client's messages are handled in the order it sent them, the first one included: a client that
 * subscribes the moment its socket opens, without waiting for the welcome, is subscribed, and a
 * subscribe followed at once by an unsubscribe leaves it unsubscribed.
 */
class ClientMessageOrderTest extends AgainstOneCuecast {
    private static final int CLIENTS = 40;
    private static final Duration REPLY = Duration.ofSeconds(10);

    @Test
    void aSubscribeSentAsTheSocketOpensIsNeverLost() throws Exception {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                WsClient client = WsClient.connect(app.ws("/api/v1/ws"));
                clients.add(client);
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"events\"]}}");
            }
            for (WsClient client : clients) {
                JsonNode reply = client.nextMatching(m -> !m.path("type").asText().equals("connection")
                        && !m.path("type").asText().equals("state"), REPLY, "the reply to the subscribe");
                assertEquals("subscribed", reply.path("type").asText(), reply.toString());
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void messagesSentTogetherAreHandledInTheirOrder() throws Exception {
        for (int i = 0; i < CLIENTS; i++) {
            try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
                client.nextOfType("connection", REPLY);
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"events\"]}}");
                client.send("{\"type\":\"unsubscribe\",\"data\":{\"streams\":[\"events\"]}}");
                client.send("{\"type\":\"get_status\"}");
                List<String> replies = new ArrayList<>();
                for (int reply = 0; reply < 3; reply++) {
                    replies.add(client.nextMatching(m -> !m.path("type").asText().equals("state"), REPLY, "a reply")
                            .path("type").asText());
                }
                assertEquals(List.of("subscribed", "unsubscribed", "status"), replies);
            }
        }
    }
}

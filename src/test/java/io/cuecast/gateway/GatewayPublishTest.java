package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fan-out of stream messages: numbering, sharing one serialization, and isolating bad clients. */
class GatewayPublishTest {

    record Ball(int id, double x, double y) {
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock);

    @Test
    void sequencesCountUpByOnePerStreamIndependently() {
        TestClient client = subscribed("a", "state", "trajectory");

        for (int i = 0; i < 3; i++) {
            gateway.publish(Stream.STATE, Map.of("i", i));
            gateway.publish(Stream.TRAJECTORY, Map.of("i", i));
        }
        gateway.publish(Stream.STATE, Map.of("i", 3));

        assertEquals(List.of(1L, 2L, 3L, 4L), sequences(client.ofType("state")));
        assertEquals(List.of(1L, 2L, 3L), sequences(client.ofType("trajectory")));
    }

    @Test
    void sequencesAdvanceWithoutSubscribers() {
        Publication first = gateway.publish(Stream.TRAJECTORY, Map.of());
        gateway.publish(Stream.TRAJECTORY, Map.of());
        TestClient late = subscribed("late", "trajectory");

        Publication third = gateway.publish(Stream.TRAJECTORY, Map.of());

        assertEquals(1, first.sequence());
        assertEquals(0, first.recipients());
        assertEquals(3, third.sequence());
        assertEquals(List.of(3L), sequences(late.ofType("trajectory")));
    }

    @Test
    void everySubscriberGetsTheSameSerializedString() {
        TestClient a = subscribed("a", "state");
        TestClient b = subscribed("b", "state");
        TestClient c = subscribed("c", "state");

        Publication result = gateway.publish(Stream.STATE, new Ball(1, 0.5, 0.25));

        String sent = lastSent(a);
        assertSame(sent, lastSent(b));
        assertSame(sent, lastSent(c));
        assertEquals(3, result.recipients());
    }

    @Test
    void streamMessagesCarryTheEnvelope() {
        TestClient client = subscribed("a", "state");

        gateway.publish(Stream.STATE, new Ball(7, 0.5, 0.25));

        JsonNode message = client.last();
        assertEquals("state", message.get("type").asText());
        assertEquals(1, message.get("sequence").asLong());
        assertEquals("2026-11-25T17:45:56.123456Z", message.get("timestamp").asText());
        assertEquals(1795628756123456L, message.get("ts_us").asLong());
        assertEquals(7, message.at("/data/id").asInt());
    }

    @Test
    void aFailingOrFullClientDoesNotStopTheOthers() {
        TestClient broken = subscribed("broken", "state");
        TestClient slow = subscribed("slow", "state");
        TestClient healthy = subscribed("healthy", "state");
        broken.channel.setFailing(true);
        slow.channel.setQueueFull(true);

        Publication result = gateway.publish(Stream.STATE, Map.of());

        assertEquals(new Publication(Stream.STATE, 1, 3), result);
        GatewaySnapshot totals = gateway.snapshot();
        assertEquals(List.of(1L, 1L, 1L), List.of(totals.messagesDelivered(), totals.messagesDropped(), totals.messagesFailed()),
                "delivered to the healthy client, dropped for the full one, failed for the broken one");
        assertEquals(List.of(1L), sequences(healthy.ofType("state")));
        assertTrue(slow.ofType("state").isEmpty());
        assertEquals(1, broken.session.messagesDropped());
        assertEquals(1, slow.session.messagesDropped());
        assertEquals(0, healthy.session.messagesDropped());
    }

    @Test
    void messagesBytesAndDropsAreCountedPerStreamForTheMetrics() {
        TestClient first = subscribed("first", "state");
        subscribed("second", "state");
        TestClient full = subscribed("full", "state");
        full.channel.setQueueFull(true);

        gateway.publish(Stream.STATE, Map.of("balls", List.of()));
        gateway.publish(Stream.ALERT, Map.of("level", "info"));

        assertEquals(2, gateway.messagesSent(Stream.STATE), "one per client copy delivered");
        assertEquals(2L * Utf8.length(first.channel.sent().get(first.channel.sent().size() - 1)),
                gateway.bytesSent(Stream.STATE));
        assertEquals(1, gateway.messagesDropped(Stream.STATE));
        assertEquals(0, gateway.messagesSent(Stream.ALERT), "nobody subscribes to alert");
    }

    @Test
    void aSlowClientSeesTheGapOnceItCatchesUp() {
        TestClient slow = subscribed("slow", "state");
        gateway.publish(Stream.STATE, Map.of());
        slow.channel.setQueueFull(true);
        gateway.publish(Stream.STATE, Map.of());
        slow.channel.setQueueFull(false);
        gateway.publish(Stream.STATE, Map.of());

        assertEquals(List.of(1L, 3L), sequences(slow.ofType("state")));
    }

    @Test
    void unserializableDataFailsThePublishWithoutUsingANumber() {
        TestClient client = subscribed("a", "state");

        assertThrows(IllegalArgumentException.class, () -> gateway.publish(Stream.STATE, new Object()));
        gateway.publish(Stream.STATE, Map.of());

        assertEquals(List.of(1L), sequences(client.ofType("state")));
    }

    @Test
    void disconnectRemovesEverySubscription() {
        TestClient leaving = subscribed("leaving", "state", "alert");
        TestClient staying = subscribed("staying", "state");

        gateway.disconnect(leaving.key);
        Publication result = gateway.publish(Stream.STATE, Map.of());
        gateway.publish(Stream.ALERT, Map.of());

        assertEquals(1, gateway.connectionCount());
        assertEquals(Set.of(staying.session), gateway.subscriptions().subscribersOf(Stream.STATE));
        assertEquals(Set.of(), gateway.subscriptions().subscribersOf(Stream.ALERT));
        assertEquals(1, result.recipients());
        assertTrue(leaving.ofType("state").isEmpty() && leaving.ofType("alert").isEmpty());
        assertTrue(gateway.session(leaving.key).isEmpty());
    }

    @Test
    void aMessageAfterDisconnectCannotResubscribe() {
        TestClient client = subscribed("a", "state");
        gateway.disconnect(client.key);

        client.send("{'type':'subscribe','data':{'streams':['state']}}");

        assertEquals(Set.of(), gateway.subscriptions().subscribersOf(Stream.STATE));
        gateway.disconnect(client.key); // idempotent
    }

    @Test
    void aConnectionKeyCannotBeConnectedTwice() {
        new TestClient(gateway, "same");
        assertThrows(IllegalStateException.class, () -> new TestClient(gateway, "same"));
    }

    @Test
    void theSnapshotSumsUpTheGateway() {
        TestClient a = subscribed("a", "state");
        subscribed("b", "state", "alert");
        a.channel.setQueueFull(true);
        gateway.publish(Stream.STATE, Map.of());
        gateway.publish(Stream.STATE, Map.of());

        GatewaySnapshot snapshot = gateway.snapshot();

        assertEquals(2, snapshot.connections());
        assertEquals(2, snapshot.subscribers().get(Stream.STATE));
        assertEquals(1, snapshot.subscribers().get(Stream.ALERT));
        assertEquals(0, snapshot.subscribers().get(Stream.FRAME));
        assertEquals(2L, snapshot.lastSequences().get(Tables.DEFAULT_ID).get(Stream.STATE));
        assertEquals(0L, snapshot.lastSequences().get(Tables.DEFAULT_ID).get(Stream.ALERT));
        assertEquals(2, snapshot.messagesDelivered());
        assertEquals(2, snapshot.messagesDropped());
        assertEquals(0, snapshot.messagesFailed());
    }

    private TestClient subscribed(String key, String... streams) {
        TestClient client = new TestClient(gateway, key);
        String list = String.join("','", streams);
        JsonNode reply = client.request("{'type':'subscribe','data':{'streams':['" + list + "']}}");
        assertEquals("subscribed", reply.get("type").asText());
        return client;
    }

    private static String lastSent(TestClient client) {
        List<String> sent = client.channel.sent();
        return sent.get(sent.size() - 1);
    }

    private static List<Long> sequences(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("sequence").asLong()).toList();
    }
}

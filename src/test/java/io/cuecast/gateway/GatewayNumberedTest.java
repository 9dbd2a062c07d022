package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Messages numbered elsewhere, as a cluster's gateways get them from Kafka: {@link Gateway#encode}
 * on the vision node, {@link Gateway#publishNumbered} on each gateway.
 */
class GatewayNumberedTest {

    private static final String EPOCH = "kafka:hall";
    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T04:00:00Z"));
    private final Gateway vision = gateway();
    private final Gateway gatewayA = gateway();
    private final Gateway gatewayB = gateway();

    private Gateway gateway() {
        return new Gateway(new GatewaySettings(64 * 1024, 1_000_000, "v",
                new HistorySettings(50, Duration.ofSeconds(60), EnumSet.of(Stream.STATE), EPOCH)), clock);
    }

    private List<NumberedMessage> numbered(int from, int to) {
        List<NumberedMessage> messages = new ArrayList<>();
        for (int sequence = from; sequence <= to; sequence++) {
            messages.add(vision.encode("main", Stream.TRAJECTORY, sequence, Map.of("i", sequence)));
        }
        return messages;
    }

    private static TestClient trajectorySubscriber(Gateway gateway) {
        TestClient client = new TestClient(gateway, "live");
        client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory']}}");
        return client;
    }

    private static List<Long> sequences(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("sequence").asLong()).toList();
    }

    @Test
    void aClientResumesOnAnotherGatewayFromTheSameNumbersAndTexts() {
        TestClient client = trajectorySubscriber(gatewayB);
        List<NumberedMessage> messages = numbered(1, 6);
        messages.forEach(gatewayA::publishNumbered);
        messages.subList(0, 3).forEach(gatewayB::publishNumbered); // then gateway B dies

        TestClient back = new TestClient(gatewayA, "back");
        JsonNode reply = back.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':3}}}");

        assertEquals(List.of(1L, 2L, 3L), sequences(client.ofType("trajectory")));
        assertEquals(EPOCH, back.received().get(0).at("/data/epoch").asText(), "the cluster's epoch, on every gateway");
        assertTrue(reply.at("/data/recovered/trajectory").asBoolean(), reply.toString());
        List<JsonNode> replayed = back.ofType("trajectory");
        assertEquals(List.of(4L, 5L, 6L), sequences(replayed));
        assertEquals(TestClient.parse(messages.get(3).json()), replayed.get(0), "the vision node's text, as it was");
    }

    @Test
    void aSequenceAlreadyPublishedIsNotSentAgain() {
        TestClient client = trajectorySubscriber(gatewayA);
        List<NumberedMessage> messages = numbered(1, 3);
        messages.forEach(gatewayA::publishNumbered);

        assertTrue(gatewayA.publishNumbered(messages.get(1)).isEmpty(), "Kafka delivered number 2 again");
        assertEquals(4L, gatewayA.publishNumbered(numbered(4, 4).get(0)).orElseThrow().sequence());
        assertEquals(List.of(1L, 2L, 3L, 4L), sequences(client.ofType("trajectory")));
    }

    @Test
    void aGatewayThatJoinedLateCannotRecoverWhatItNeverSaw() {
        numbered(40, 42).forEach(gatewayA::publishNumbered); // 1..39 had left Kafka's retention

        TestClient late = new TestClient(gatewayA, "late");
        JsonNode lost = late.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':38}}}");
        TestClient recent = new TestClient(gatewayA, "recent");
        JsonNode kept = recent.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':39}}}");

        assertFalse(lost.at("/data/recovered/trajectory").asBoolean(true), lost.toString());
        assertTrue(kept.at("/data/recovered/trajectory").asBoolean(), kept.toString());
        assertEquals(List.of(40L, 41L, 42L), sequences(recent.ofType("trajectory")));
    }

    @Test
    void framesAndUnknownTablesAreRefused() {
        IllegalArgumentException frame = assertThrows(IllegalArgumentException.class,
                () -> vision.encode("main", Stream.FRAME, 1, Map.of()));
        IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
                () -> gatewayA.publishNumbered(new NumberedMessage("hall-9", Stream.STATE, 1, "{}")));

        assertTrue(frame.getMessage().contains("binary frames"), frame.getMessage());
        assertTrue(table.getMessage().contains("no table 'hall-9'"), table.getMessage());
    }

    @Test
    void aBlankEpochIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HistorySettings(5, Duration.ofSeconds(1), EnumSet.noneOf(Stream.class), " "));
        assertEquals("history epoch must not be blank", e.getMessage());
    }
}

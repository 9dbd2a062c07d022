package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.gateway.auth.AuthSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged delivery of the alert stream: 10 s timeout, 3 deliveries in all. The test moves the
 * clock and calls the sweep the housekeeping route calls once a second; what the gateway gives up
 * on is collected as the dead-letter adapter would get it.
 */
class GatewayAckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T21:00:00Z"));
    private final List<Undelivered> deadLetters = new ArrayList<>();
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock, AuthSettings.open(),
            FlushTimer.MANUAL, new AckSettings(EnumSet.of(Stream.ALERT), TIMEOUT, 3), deadLetters::add);
    private final TestClient client = new TestClient(gateway, "a");

    private long publishAlert(String message) {
        return gateway.publish(Stream.ALERT, Map.of("level", "warning", "message", message)).sequence();
    }

    private void sweepAfter(Duration duration) {
        clock.advance(duration);
        gateway.sweep();
    }

    private List<JsonNode> alerts() {
        return client.ofType("alert");
    }

    @Test
    void anAcknowledgedAlertIsNotSentAgain() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long sequence = publishAlert("cue ball off the table");

        JsonNode acked = client.request("{'type':'ack','data':{'stream':'alert','sequence':" + sequence + "}}");

        assertEquals("acked", acked.path("type").asText());
        assertEquals("alert", acked.at("/data/stream").asText());
        assertEquals(List.of(sequence), longs(acked.at("/data/sequences")));
        assertEquals(0, acked.at("/data/pending").asInt());
        sweepAfter(TIMEOUT.multipliedBy(5));
        assertEquals(1, alerts().size());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void anUnacknowledgedAlertIsRedeliveredWithItsSequenceAfterTheTimeoutAndNotBefore() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long sequence = publishAlert("rail sensor offline");

        sweepAfter(TIMEOUT.minusMillis(1));
        assertEquals(1, alerts().size());
        assertFalse(alerts().get(0).has("redelivered"), "a first delivery carries no marker");

        sweepAfter(Duration.ofMillis(1));
        assertEquals(2, alerts().size());
        JsonNode again = alerts().get(1);
        assertEquals(sequence, again.path("sequence").asLong());
        assertTrue(again.path("redelivered").asBoolean(), again.toString());
        assertEquals("rail sensor offline", again.at("/data/message").asText());
        assertEquals(alerts().get(0).path("ts_us"), again.path("ts_us"), "the same message, not a new one");
    }

    @Test
    void anAlertNeverAcknowledgedGoesToTheDeadLettersAfterTheLastDelivery() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long sequence = publishAlert("table 3 camera lost");

        sweepAfter(TIMEOUT);
        sweepAfter(TIMEOUT);
        assertEquals(3, alerts().size(), "sent three times");
        assertTrue(deadLetters.isEmpty());

        sweepAfter(TIMEOUT);
        assertEquals(3, alerts().size(), "not a fourth time");
        Undelivered given = single(deadLetters);
        assertEquals(Undelivered.Reason.NOT_ACKNOWLEDGED, given.reason());
        assertEquals(client.session.clientId(), given.clientId());
        assertEquals(Stream.ALERT, given.stream());
        assertEquals(sequence, given.sequence());
        assertEquals(3, given.deliveries());
        assertEquals("table 3 camera lost", TestClient.parse(given.text()).at("/data/message").asText());
        assertFalse(TestClient.parse(given.text()).has("redelivered"), "the original message is kept");
        assertEquals(0, gateway.pendingAcks(client.session));

        JsonNode late = client.request("{'type':'ack','data':{'stream':'alert','sequence':" + sequence + "}}");
        assertEquals("UNKNOWN_ACK_SEQUENCE", late.at("/data/code").asText(), "given up: a late ack is refused");
    }

    @Test
    void aClientThatLeavesWithUnacknowledgedAlertsHandsThemToTheDeadLetters() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long first = publishAlert("one");
        long second = publishAlert("two");
        client.request("{'type':'ack','data':{'stream':'alert','sequence':" + first + "}}");

        gateway.disconnect(client.key);

        Undelivered given = single(deadLetters);
        assertEquals(second, given.sequence());
        assertEquals(Undelivered.Reason.CLIENT_DISCONNECTED, given.reason());
        assertEquals(1, given.deliveries());
    }

    @Test
    void alertsReplayedOnResumeAwaitTheAckOfTheClientThatResumed() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long first = publishAlert("one");
        long second = publishAlert("two");
        long third = publishAlert("three");
        client.request("{'type':'ack','data':{'stream':'alert','sequence':" + first + "}}");
        gateway.disconnect(client.key);
        TestClient back = new TestClient(gateway, "back");

        back.firstReplyTo("{'type':'subscribe','data':{'streams':['alert'],'resume':{'alert':" + first + "}}}");

        assertEquals(List.of(second, third), back.sequences("alert"), "resumed from the last one it acked");
        assertEquals(2, gateway.pendingAcks(back.session));
        JsonNode acked = back.request("{'type':'ack','data':{'stream':'alert','sequence':" + second + "}}");
        assertEquals(List.of(second), longs(acked.at("/data/sequences")));
        sweepAfter(TIMEOUT);
        List<JsonNode> alerts = back.ofType("alert");
        assertEquals(3, alerts.size(), "the unacknowledged replay is sent again");
        assertEquals(third, alerts.get(2).path("sequence").asLong());
        assertTrue(alerts.get(2).path("redelivered").asBoolean(), alerts.get(2).toString());
    }

    @Test
    void aClientTheServerClosesHandsItsUnacknowledgedAlertsToTheDeadLettersToo() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long sequence = publishAlert("one");

        gateway.refuse(client.key, InboundMessageGuard.Verdict.INVALID_UTF8, 3);

        assertEquals(1007, client.channel.closed().orElseThrow().code());
        Undelivered given = single(deadLetters);
        assertEquals(sequence, given.sequence());
        assertEquals(Undelivered.Reason.CLIENT_DISCONNECTED, given.reason());
    }

    @Test
    void aListOrACumulativeAckSettlesSeveralAtOnce() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long a = publishAlert("a");
        long b = publishAlert("b");
        long c = publishAlert("c");
        long d = publishAlert("d");

        JsonNode listed = client.request("{'type':'ack','data':{'stream':'alert','sequences':[" + a + "," + c + "]}}");
        assertEquals(List.of(a, c), longs(listed.at("/data/sequences")));
        assertEquals(2, listed.at("/data/pending").asInt());

        JsonNode cumulative = client.request("{'type':'ack','data':{'stream':'alert','up_to':" + c + "}}");
        assertEquals(List.of(b), longs(cumulative.at("/data/sequences")), "only what was still pending up to c");
        assertEquals(1, cumulative.at("/data/pending").asInt());

        sweepAfter(TIMEOUT);
        List<JsonNode> redelivered = alerts().stream().filter(m -> m.path("redelivered").asBoolean()).toList();
        assertEquals(List.of(d), redelivered.stream().map(m -> m.path("sequence").asLong()).toList());
    }

    @Test
    void otherStreamsNeedNoAck() {
        client.request("{'type':'subscribe','data':{'streams':['state']}}");
        gateway.publish(Stream.STATE, Map.of("frame", 1));
        sweepAfter(TIMEOUT.multipliedBy(4));
        assertEquals(1, client.ofType("state").size());
        gateway.disconnect(client.key);
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void badAcksGetAClearErrorAndTheConnectionCarriesOn() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long sequence = publishAlert("x");

        assertError("INVALID_ACK_FORMAT", "no data object", "{'type':'ack'}");
        assertError("INVALID_ACK_FORMAT", "names no \"stream\"", "{'type':'ack','data':{'sequence':1}}");
        assertError("INVALID_ACK_FORMAT", "Unknown stream 'alerts'", "{'type':'ack','data':{'stream':'alerts','sequence':1}}");
        assertError("INVALID_ACK_FORMAT", "The state stream needs no acks; these do: [alert]",
                "{'type':'ack','data':{'stream':'state','sequence':1}}");
        assertError("INVALID_ACK_FORMAT", "exactly one of", "{'type':'ack','data':{'stream':'alert'}}");
        assertError("INVALID_ACK_FORMAT", "exactly one of",
                "{'type':'ack','data':{'stream':'alert','sequence':1,'up_to':1}}");
        assertError("INVALID_ACK_FORMAT", "whole numbers of at least 1", "{'type':'ack','data':{'stream':'alert','sequence':'1'}}");
        assertError("INVALID_ACK_FORMAT", "whole numbers of at least 1", "{'type':'ack','data':{'stream':'alert','sequence':0}}");
        assertError("INVALID_ACK_FORMAT", "whole numbers of at least 1", "{'type':'ack','data':{'stream':'alert','sequence':1.5}}");
        assertError("INVALID_ACK_FORMAT", "a list of 1 to 1000", "{'type':'ack','data':{'stream':'alert','sequences':[]}}");
        assertError("UNKNOWN_ACK_SEQUENCE", "Sequence 99 of alert on table main is from the future: the last one sent is " + sequence,
                "{'type':'ack','data':{'stream':'alert','sequence':99}}");
        assertError("UNKNOWN_ACK_SEQUENCE", "from the future", "{'type':'ack','data':{'stream':'alert','up_to':99}}");
        assertEquals(1, gateway.pendingAcks(client.session), "no bad ack settled anything");
        assertEquals(1, client.request("{'type':'get_status'}").at("/data/pending_acks").asInt(),
                "the client can see what it still owes");

        client.request("{'type':'ack','data':{'stream':'alert','sequence':" + sequence + "}}");
        assertError("UNKNOWN_ACK_SEQUENCE", "not awaiting your ack",
                "{'type':'ack','data':{'stream':'alert','sequence':" + sequence + "}}");

        long sentBeforeSubscribing = sequence;
        TestClient late = new TestClient(gateway, "late");
        late.request("{'type':'subscribe','data':{'streams':['alert']}}");
        JsonNode neverSent = late.request("{'type':'ack','data':{'stream':'alert','sequence':" + sentBeforeSubscribing + "}}");
        assertEquals("UNKNOWN_ACK_SEQUENCE", neverSent.at("/data/code").asText(), "never sent to this client");

        assertEquals("pong", client.request("{'type':'ping'}").path("type").asText(), "the connection carries on");
    }

    @Test
    void aListWithOneUnknownSequenceSettlesNothing() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        long a = publishAlert("a");
        long b = publishAlert("b");
        client.request("{'type':'ack','data':{'stream':'alert','sequence':" + a + "}}");

        assertError("UNKNOWN_ACK_SEQUENCE", "[" + a + "] not awaiting",
                "{'type':'ack','data':{'stream':'alert','sequences':[" + a + "," + b + "]}}");
        assertEquals(1, gateway.pendingAcks(client.session), b + " is still pending");
    }

    @Test
    void anAlertSkippedForAFullQueueIsSentAgainLater() {
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        client.channel.setQueueFull(true);
        long sequence = publishAlert("missed");
        assertTrue(alerts().isEmpty());

        client.channel.setQueueFull(false);
        sweepAfter(TIMEOUT);

        assertEquals(List.of(sequence), alerts().stream().map(m -> m.path("sequence").asLong()).toList());
        assertTrue(alerts().get(0).path("redelivered").asBoolean());
    }

    private void assertError(String code, String messagePart, String request) {
        JsonNode reply = client.request(request);
        assertEquals("error", reply.path("type").asText(), reply.toString());
        assertEquals(code, reply.at("/data/code").asText(), reply.toString());
        assertTrue(reply.at("/data/message").asText().contains(messagePart), reply.at("/data/message").asText());
        assertEquals("ack", reply.at("/data/request_type").asText());
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}

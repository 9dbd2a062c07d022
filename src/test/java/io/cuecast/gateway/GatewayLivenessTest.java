package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat and the slow-consumer cut-off, with the default heartbeat (ping after 30 s of
 * silence, close after 60 s) and a 5 s slow-consumer timeout, long enough to tell a timer that
 * restarts from one that does not. The test moves the clock and calls the sweep the housekeeping
 * route calls once a second.
 */
class GatewayLivenessTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final Gateway gateway = new Gateway(new GatewaySettings(GatewaySettings.DEFAULT_MAX_MESSAGE_BYTES,
            GatewaySettings.DEFAULT_RATE_LIMIT_PER_MINUTE, "v", HistorySettings.defaults(),
            new LivenessSettings(LivenessSettings.DEFAULT_PING_INTERVAL, LivenessSettings.DEFAULT_IDLE_TIMEOUT,
                    Duration.ofSeconds(5))), clock);
    private final TestClient client = new TestClient(gateway, "a");

    @Test
    void aClientSilentForThePingIntervalIsPingedAndNotBefore() {
        sweepAfter(Duration.ofSeconds(30).minusMillis(1));
        assertTrue(client.ofType("ping").isEmpty());

        sweepAfter(Duration.ofMillis(1));

        JsonNode ping = single(client.ofType("ping"));
        assertFalse(ping.has("sequence"), "a ping is a control message");
        assertEquals(1795628786123456L, ping.at("/data/server_ts_us").asLong(), "the sweep's time, 30 s on");
        assertEquals("2026-11-25T17:46:26.123456Z", ping.at("/data/timestamp").asText());
    }

    @Test
    void aClientThatSpokeRecentlyIsNotPinged() {
        clock.advance(Duration.ofSeconds(20));
        client.request("{'type':'get_status'}");

        sweepAfter(Duration.ofSeconds(20));

        assertTrue(client.ofType("ping").isEmpty());
    }

    @Test
    void aSilentClientIsPingedOncePerInterval() {
        sweepAfter(Duration.ofSeconds(30));
        sweepAfter(Duration.ofSeconds(1));
        assertEquals(1, client.ofType("ping").size());

        // A longer idle timeout than the default would let it be pinged again 30 s later.
        Gateway patient = new Gateway(new GatewaySettings(1024, 100, "v", HistorySettings.defaults(),
                new LivenessSettings(Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(5))), clock);
        TestClient quiet = new TestClient(patient, "quiet");
        for (int second = 0; second < 61; second++) {
            clock.advance(Duration.ofSeconds(1));
            patient.sweep();
        }
        assertEquals(2, quiet.ofType("ping").size());
    }

    @Test
    void aClientSilentPastTheIdleTimeoutIsClosedWith4408AndForgotten() {
        sweepAfter(Duration.ofSeconds(60));
        assertTrue(client.channel.closed().isEmpty(), "closed only past the timeout");

        sweepAfter(Duration.ofMillis(1));

        RecordingChannel.Close close = client.channel.closed().orElseThrow();
        assertEquals(4408, close.code());
        assertEquals("idle timeout: nothing received for 60 s", close.reason());
        assertEquals(0, gateway.connectionCount());
    }

    @Test
    void anyClientMessageResetsTheIdleTimerEvenARejectedOne() {
        for (String message : List.of("{'type':'ping'}", "not json", "{'type':'pong'}")) {
            clock.advance(Duration.ofSeconds(50));
            client.send(message);
            gateway.sweep();
        }

        sweepAfter(Duration.ofSeconds(50));

        assertTrue(client.channel.closed().isEmpty());
        assertEquals(1, gateway.connectionCount());
    }

    @Test
    void aClientPongIsAcceptedWithoutAReply() {
        int before = client.received().size();

        client.send("{'type':'pong'}");

        assertEquals(before, client.received().size());
    }

    @Test
    void isAliveMeansHeardFromWithinThePingInterval() {
        Liveness liveness = new Liveness(clock.instant());
        Duration interval = LivenessSettings.DEFAULT_PING_INTERVAL;

        assertTrue(liveness.heardWithin(interval, clock.instant().plusSeconds(29)));
        assertFalse(liveness.heardWithin(interval, clock.instant().plusSeconds(30)));
        // Asking is itself hearing from the client, so the reply can only say true.
        clock.advance(Duration.ofSeconds(45));
        assertTrue(client.request("{'type':'get_status'}").at("/data/is_alive").asBoolean());
    }

    @Test
    void aSubscriberBehindPastTheSlowConsumerTimeoutIsClosedWith3008WhileOthersGetEverything() {
        TestClient healthy = subscribed(client);
        TestClient slow = subscribed(new TestClient(gateway, "slow"));
        stopReading(slow);

        publishAfter(Duration.ZERO);
        publishAfter(Duration.ofSeconds(5));
        gateway.sweep();
        assertTrue(slow.channel.closed().isEmpty(), "closed only past the timeout");
        publishAfter(Duration.ofMillis(1));
        gateway.sweep();

        RecordingChannel.Close close = slow.channel.closed().orElseThrow();
        assertEquals(3008, close.code());
        assertEquals("slow consumer: not keeping up for 5 s", close.reason());
        assertEquals(1, gateway.closedByServer(3008), "the kick is counted for the metrics");
        assertEquals(0, gateway.closedByServer(4408));
        long droppedBefore = gateway.snapshot().messagesDropped();
        Publication after = gateway.publish(Stream.STATE, Map.of());
        assertEquals(1, after.recipients(), "a closed client is no longer offered messages");
        assertEquals(droppedBefore, gateway.snapshot().messagesDropped());
        assertEquals(List.of(1L, 2L, 3L, 4L),
                healthy.ofType("state").stream().map(m -> m.get("sequence").asLong()).toList());
    }

    @Test
    void aSubscriberWhoseQueueIsFullWhileItsSocketTakesEverythingSkipsMessagesButIsNotClosed() {
        // A server behind with its writes (JIT warm-up, a loaded core): the bytes wait on our side.
        TestClient waitedOn = subscribed(client);
        waitedOn.channel.setQueueFull(true);
        for (int tenth = 0; tenth <= 60; tenth++) {
            publishAfter(Duration.ofMillis(100));
            if (tenth % 10 == 0) {
                gateway.sweep();
            }
        }

        assertEquals(Optional.empty(), waitedOn.channel.closed());
        assertEquals(61, gateway.snapshot().messagesDropped(), "every message found its queue full");
        waitedOn.channel.setQueueFull(false);
        publishAfter(Duration.ofMillis(100));
        assertEquals(List.of(62L), waitedOn.ofType("state").stream().map(m -> m.get("sequence").asLong()).toList());
    }

    @Test
    void aSubscriberThatCatchesUpAtAPublishStartsItsTimerAfresh() {
        TestClient lagging = subscribed(client);
        stopReading(lagging);
        publishAfter(Duration.ZERO);
        resumeReading(lagging);
        publishAfter(Duration.ofSeconds(4));
        stopReading(lagging);
        publishAfter(Duration.ofMillis(1));

        clock.advance(Duration.ofSeconds(4));
        gateway.sweep();

        assertTrue(lagging.channel.closed().isEmpty());
    }

    @Test
    void aSubscriberWhoseQueueDrainsBetweenPublishesIsNotClosed() {
        TestClient lagging = subscribed(client);
        stopReading(lagging);
        publishAfter(Duration.ZERO);
        resumeReading(lagging);
        sweepAfter(Duration.ofSeconds(1));
        stopReading(lagging);

        sweepAfter(Duration.ofSeconds(5));

        assertEquals(Optional.empty(), lagging.channel.closed());
    }

    @Test
    void aSubscriberWhoseSocketStaysStalledIsClosedThoughItsQueueNeverFills() {
        TestClient stalled = subscribed(client);
        stalled.channel.setStalled(true);

        publishAfter(Duration.ZERO);
        publishAfter(Duration.ofSeconds(5));
        gateway.sweep();
        assertTrue(stalled.channel.closed().isEmpty(), "closed only past the timeout");
        assertEquals(2, stalled.ofType("state").size(), "a stalled socket still takes messages into its queue");
        sweepAfter(Duration.ofMillis(1));

        assertEquals(3008, stalled.channel.closed().orElseThrow().code());
    }

    @Test
    void aStallThatEndsBeforeTheTimeoutIsForgiven() {
        TestClient stalled = subscribed(client);
        stalled.channel.setStalled(true);
        publishAfter(Duration.ZERO);
        stalled.channel.setStalled(false);
        publishAfter(Duration.ofSeconds(4));

        sweepAfter(Duration.ofSeconds(4));

        assertEquals(Optional.empty(), stalled.channel.closed());
    }

    @Test
    void theSweepNoticesAStallWhenNothingIsPublished() {
        TestClient stalled = subscribed(client);
        stalled.channel.setStalled(true);
        sweepAfter(Duration.ZERO);

        sweepAfter(Duration.ofSeconds(5).plusMillis(1));

        assertEquals(3008, stalled.channel.closed().orElseThrow().code());
    }

    private TestClient subscribed(TestClient subscriber) {
        subscriber.request("{'type':'subscribe','data':{'streams':['state']}}");
        return subscriber;
    }

    /** Like a client that stopped reading: its socket stalls, then its queue fills. */
    private static void stopReading(TestClient client) {
        client.channel.setStalled(true);
        client.channel.setQueueFull(true);
    }

    private static void resumeReading(TestClient client) {
        client.channel.setStalled(false);
        client.channel.setQueueFull(false);
    }

    private void publishAfter(Duration wait) {
        clock.advance(wait);
        gateway.publish(Stream.STATE, Map.of());
    }

    private void sweepAfter(Duration wait) {
        clock.advance(wait);
        gateway.sweep();
    }

    private static JsonNode single(List<JsonNode> messages) {
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }
}

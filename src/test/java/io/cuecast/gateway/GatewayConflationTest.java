package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * max_fps by conflation (the newest value always arrives, at most one interval late) and min_fps by
 * repetition, on the test clock: the test calls {@code flushDue()} as the flush timer would, and
 * checks that the gateway asks the timer for the right moments.
 */
class GatewayConflationTest {

    private static final Instant START = Instant.parse("2026-11-25T17:45:56.123456Z");
    private final TestClock clock = new TestClock(START);
    private final List<Instant> wakeUps = new ArrayList<>();
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock, wakeUps::add);

    @Test
    void theLastMessageInsideTheIntervalArrivesWhenTheIntervalEnds() {
        TestClient throttled = subscribed("t", "{'state':{'max_fps':10}}");
        TestClient unfiltered = subscribed("u", null);

        publishAt(0, 1);
        publishAt(30, 2);
        publishAt(30, 3);
        assertEquals(List.of(1L), throttled.sequences("state"));
        assertEquals(at(100), wakeUps.get(wakeUps.size() - 1), "the timer is asked for the end of the interval");

        clock.advance(Duration.ofMillis(39));
        assertEquals(Optional.of(at(100)), gateway.flushDue(), "99 ms: not yet");
        assertEquals(List.of(1L), throttled.sequences("state"));

        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), gateway.flushDue(), "nothing is left to send");

        assertEquals(List.of(1L, 3L), throttled.sequences("state"), "2 was replaced by 3 before the interval ended");
        assertEquals(List.of(1L, 2L, 3L), unfiltered.sequences("state"));
        assertSame(unfiltered.lastSentText(), throttled.lastSentText(), "the flushed text is the one every client got");
    }

    @Test
    void aMessageAfterTheIntervalGoesOutAtOnceAndSupersedesTheHeldOne() {
        TestClient throttled = subscribed("t", "{'state':{'max_fps':10}}");

        publishAt(0, 1);
        publishAt(50, 2);
        publishAt(70, 3); // at 120 ms, past the interval, and newer than the held 2

        assertEquals(List.of(1L, 3L), throttled.sequences("state"));
        clock.advance(Duration.ofMillis(200));
        gateway.flushDue();
        assertEquals(List.of(1L, 3L), throttled.sequences("state"), "the superseded 2 is never sent");
    }

    @Test
    void aConflatedClientSeesAtMostMaxFpsMessagesEvenAtAFastStream() {
        TestClient throttled = subscribed("t", "{'state':{'max_fps':4}}");

        for (int i = 0; i < 60; i++) {   // 60 messages a second for one second
            clock.advance(Duration.ofNanos(16_666_667));
            gateway.flushDue();
            gateway.publish(Stream.STATE, Map.of("n", i));
        }
        clock.advance(Duration.ofMillis(250));
        gateway.flushDue();

        List<JsonNode> got = throttled.ofType("state");
        assertTrue(got.size() <= 5 && got.size() >= 4, got.size() + " messages");
        assertEquals(59, got.get(got.size() - 1).at("/data/n").asInt(), "the last value arrives");
        for (int i = 1; i < got.size(); i++) {
            long gap = got.get(i).get("ts_us").asLong() - got.get(i - 1).get("ts_us").asLong();
            assertTrue(gap > 0, "in order");
        }
    }

    @Test
    void aClientJoiningAGroupThatHoldsAMessageDoesNotGetItTwice() {
        TestClient early = subscribed("early", "{'state':{'max_fps':10}}");
        publishAt(0, 1);
        publishAt(30, 2);                                                   // held for the group
        clock.advance(Duration.ofMillis(10));
        TestClient late = subscribed("late", "{'state':{'max_fps':10}}");    // gets 2 as the latest value

        clock.advance(Duration.ofMillis(60));
        gateway.flushDue();

        assertEquals(List.of(1L, 2L), early.sequences("state"));
        assertEquals(List.of(2L), late.sequences("state"));
    }

    @Test
    void eachGroupKeepsItsOwnPaceAndSubscribingAgainWithTheSameFilterKeepsIt() {
        TestClient ten = subscribed("ten", "{'state':{'max_fps':10}}");
        TestClient five = subscribed("five", "{'state':{'max_fps':5}}");
        publishAt(0, 1);
        publishAt(100, 2);                 // ten's interval is over, five's (200 ms) is not: held
        ten.request("{'type':'subscribe','data':{'streams':['state'],'filters':{'state':{'max_fps':10}}}}");
        publishAt(50, 3);                  // 150 ms: held for both, replacing five's 2

        assertEquals(List.of(1L, 2L), ten.sequences("state"), "the pace did not restart with the subscribe");
        clock.advance(Duration.ofMillis(50));
        gateway.flushDue();

        assertEquals(List.of(1L, 2L, 3L), ten.sequences("state"));
        assertEquals(List.of(1L, 3L), five.sequences("state"));
    }

    @Test
    void unsubscribingLeavesNothingToFlush() {
        TestClient throttled = subscribed("t", "{'state':{'max_fps':10}}");
        publishAt(0, 1);
        publishAt(30, 2);

        throttled.request("{'type':'unsubscribe','data':{'streams':['state']}}");
        clock.advance(Duration.ofMillis(100));

        assertEquals(Optional.empty(), gateway.flushDue());
        assertEquals(List.of(1L), throttled.sequences("state"));
    }

    @Test
    void minFpsRepeatsTheLatestValueWhileTheStreamIsQuiet() {
        publishAt(0, 1);
        TestClient client = subscribed("c", "{'state':{'min_fps':2}}");
        JsonNode first = client.last();
        assertEquals(at(500), wakeUps.get(wakeUps.size() - 1));

        clock.advance(Duration.ofMillis(499));
        gateway.flushDue();
        assertEquals(1, client.ofType("state").size(), "not before 1/min_fps");

        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.of(at(1000)), gateway.flushDue());
        JsonNode repeat = client.last();
        assertEquals(1, repeat.get("sequence").asLong(), "a repeat keeps its sequence");
        assertTrue(repeat.get("repeat").asBoolean());
        assertEquals(first.get("ts_us"), repeat.get("ts_us"), "and its time: the value is that old");
        assertEquals(first.get("data"), repeat.get("data"));
        assertEquals(List.of("type", "table_id", "sequence", "repeat", "timestamp", "ts_us", "data"), TestClient.keys(repeat));
        assertFalse(first.has("repeat"));

        clock.advance(Duration.ofMillis(500));
        gateway.flushDue();
        assertEquals(List.of(1L, 1L, 1L), client.sequences("state"));

        publishAt(200, 2);                                          // 1.2 s: new value, not a repeat
        assertFalse(client.last().has("repeat"));
        clock.advance(Duration.ofMillis(499));
        gateway.flushDue();
        assertEquals(List.of(1L, 1L, 1L, 2L), client.sequences("state"), "the quiet time starts again at 2");
        clock.advance(Duration.ofMillis(1));
        gateway.flushDue();
        assertEquals(List.of(1L, 1L, 1L, 2L, 2L), client.sequences("state"));
        assertTrue(client.last().get("repeat").asBoolean());
    }

    @Test
    void aStreamBusierThanMinFpsIsNotRepeated() {
        TestClient client = subscribed("c", "{'state':{'min_fps':5,'max_fps':30}}");
        for (int i = 1; i <= 20; i++) {
            publishAt(100, i);
            gateway.flushDue();
        }
        assertTrue(client.ofType("state").stream().noneMatch(m -> m.has("repeat")));
        assertEquals(20, client.ofType("state").size());
    }

    @Test
    void repeatsAreCutToTheFilterAndSharedByTheGroup() {
        publishAt(0, 1);
        TestClient a = subscribed("a", "{'state':{'min_fps':1,'include_fields':['n']}}");
        TestClient b = subscribed("b", "{'state':{'include_fields':['n'],'min_fps':1}}");

        clock.advance(Duration.ofSeconds(1));
        gateway.flushDue();

        assertEquals(List.of("n"), TestClient.keys(a.last().get("data")));
        assertTrue(a.last().get("repeat").asBoolean());
        assertSame(a.lastSentText(), b.lastSentText());
    }

    private void publishAt(int millisLater, int n) {
        clock.advance(Duration.ofMillis(millisLater));
        gateway.publish(Stream.STATE, Map.of("n", n));
    }

    private Instant at(int millis) {
        return START.plusMillis(millis);
    }

    private TestClient subscribed(String key, String filters) {
        return new TestClient(gateway, key).subscribeTo("state", filters);
    }



}

package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-subscription filters: validation, field selection shared per group, max_fps, and catch-up. */
class GatewayFilterTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'video':{'max_fps':10}}                  | unknown stream 'video'",
            "{'trajectory':{'max_fps':10}}             | 'trajectory', which is not in data.streams",
            "{'state':10}                              | data.filters.state must be an object",
            "{'state':{'fps':10}}                      | unknown key 'fps'",
            "{'state':{'max_fps':0}}                   | data.filters.state.max_fps must be a number above 0",
            "{'state':{'max_fps':-5}}                  | data.filters.state.max_fps must be a number above 0",
            "{'state':{'max_fps':241}}                 | at most 240",
            "{'state':{'max_fps':'10'}}                | max_fps must be a number above 0 and at most 240, but it is a string",
            "{'state':{'min_fps':20,'max_fps':10}}     | min_fps (20.0) is above max_fps (10.0)",
            "{'state':{'include_fields':'balls'}}      | include_fields must be an array of field names",
            "{'state':{'include_fields':['balls',3]}}  | element 1 is a number",
            "{'state':{'include_fields':[]}}           | include_fields is empty",
            "{'state':{'exclude_fields':{}}}           | exclude_fields must be an array of field names",
            "{'state':{'conditions':[]}}               | conditions must be an object",
            "{'state':{'quality_level':1}}             | quality_level must be a string"})
    void invalidFiltersAreRejectedNamingTheProblemAndChangeNothing(String filters, String problem) {
        TestClient client = new TestClient(gateway, "c");

        JsonNode reply = client.request(
                "{'type':'subscribe','data':{'streams':['state','events'],'filters':" + filters + "}}");

        assertRejected(reply, problem);
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
    }

    @Test
    void includeFieldsKeepOnlyThoseTopLevelKeysWithTheSameEnvelope() {
        TestClient filtered = subscribed("f", "{'state':{'include_fields':['balls','ball_count']}}");
        TestClient full = subscribed("u", null);

        gateway.publish(Stream.STATE, state());

        JsonNode cut = filtered.last();
        JsonNode original = full.last();
        assertEquals(List.of("ball_count", "balls"), TestClient.keys(cut.get("data")));
        assertEquals(original.get("data").get("balls"), cut.get("data").get("balls"));
        assertEquals(original.get("sequence"), cut.get("sequence"));
        assertEquals(original.get("timestamp"), cut.get("timestamp"));
        assertEquals(original.get("ts_us"), cut.get("ts_us"));
        assertEquals(List.of("type", "table_id", "sequence", "timestamp", "ts_us", "data"), TestClient.keys(cut));
    }

    @Test
    void excludeFieldsLeaveOutThoseKeys() {
        TestClient client = subscribed("f", "{'state':{'exclude_fields':['balls','table']}}");

        gateway.publish(Stream.STATE, state());

        assertEquals(List.of("frame", "ball_count"), TestClient.keys(client.last().get("data")));
    }

    @Test
    void equalFieldSelectionsShareOneStringAndTheUnfilteredGetTheFullOne() {
        TestClient a = subscribed("a", "{'state':{'include_fields':['balls','table']}}");
        // Same fields in another order, and a max_fps that lets the first message through: another
        // filter group, but the same cut, so the same text.
        TestClient b = subscribed("b", "{'state':{'include_fields':['table','balls'],'max_fps':5}}");
        TestClient c = subscribed("c", null);
        TestClient d = subscribed("d", "{'state':{}}");

        Publication result = gateway.publish(Stream.STATE, state());

        assertSame(a.lastSentText(), b.lastSentText());
        assertSame(c.lastSentText(), d.lastSentText());
        assertNotSame(a.lastSentText(), c.lastSentText());
        assertEquals(List.of("table", "balls"), TestClient.keys(a.last().get("data")));
        assertEquals(List.of("frame", "table", "ball_count", "balls"), TestClient.keys(c.last().get("data")));
        assertEquals(4, result.recipients());
    }

    @Test
    void maxFpsSendsAtMostOnePerIntervalWithoutRenumbering() {
        TestClient throttled = subscribed("t", "{'state':{'max_fps':10}}");
        TestClient unfiltered = subscribed("u", null);

        for (int millis : new int[] {0, 50, 50, 50, 49, 51}) {
            clock.advance(Duration.ofMillis(millis));
            gateway.publish(Stream.STATE, state());
        }

        // At 0, 50, 100, 150, 199 and 250 ms: one message per 100 ms, and the numbers stay the publisher's.
        // Nothing flushes in between, so each held message is superseded by a newer one that goes at once
        // (GatewayConflationTest covers the flush).
        assertEquals(List.of(1L, 3L, 6L), throttled.sequences("state"));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), unfiltered.sequences("state"));
    }

    @Test
    void statusShowsActiveFiltersAndUnsubscribeRemovesThem() {
        TestClient client = subscribed("c", "{'state':{'max_fps':10,'include_fields':['balls']}}");
        client.request("{'type':'subscribe','data':{'streams':['events']}}");

        JsonNode filters = client.request("{'type':'get_status'}").at("/data/filters");
        assertEquals(1, filters.size(), filters.toString());
        assertEquals(10.0, filters.at("/state/max_fps").asDouble());
        assertEquals("balls", filters.at("/state/include_fields/0").asText());
        assertTrue(filters.at("/state/exclude_fields").isMissingNode());

        client.request("{'type':'unsubscribe','data':{'streams':['state']}}");
        assertEquals(Map.of(), gateway.subscriptions().filtersOf(client.session));
        assertEquals(0, client.request("{'type':'get_status'}").at("/data/filters").size());

        client.request("{'type':'subscribe','data':{'streams':['state']}}");
        gateway.publish(Stream.STATE, state());
        assertEquals(4, client.last().get("data").size(), "subscribed again without a filter: every field");
    }

    @Test
    void subscribingAgainReplacesTheStreamsFilter() {
        TestClient client = subscribed("c", "{'state':{'include_fields':['balls']}}");

        client.request("{'type':'subscribe','data':{'streams':['state'],'filters':{'state':{'include_fields':['frame']}}}}");
        gateway.publish(Stream.STATE, state());

        assertEquals(List.of("frame"), TestClient.keys(client.last().get("data")));
        assertEquals(List.of("frame"),
                gateway.subscriptions().filtersOf(client.session).get(Stream.STATE).includeFields());
    }

    @Test
    void theLatestValueOnSubscribeIsCutToTheFilter() {
        gateway.publish(Stream.STATE, state());
        TestClient client = new TestClient(gateway, "c");

        client.send("{'type':'subscribe','data':{'streams':['state'],'filters':{'state':{'include_fields':['balls']}}}}");

        JsonNode latest = client.last();
        assertEquals(1, latest.get("sequence").asLong());
        assertEquals(List.of("balls"), TestClient.keys(latest.get("data")));
    }

    @Test
    void resumeReplaysEveryMissedMessageCutToTheFilterButNotThrottled() {
        for (int i = 0; i < 4; i++) {
            gateway.publish(Stream.STATE, state());
        }
        TestClient client = new TestClient(gateway, "c");

        client.send("{'type':'subscribe','data':{'streams':['state'],'resume':{'state':1},"
                + "'filters':{'state':{'max_fps':1,'exclude_fields':['balls']}}}}");

        List<JsonNode> replayed = client.ofType("state");
        assertEquals(List.of(2L, 3L, 4L), client.sequences("state"));
        replayed.forEach(message -> assertEquals(List.of("frame", "table", "ball_count"), TestClient.keys(message.get("data"))));
    }

    private TestClient subscribed(String key, String filters) {
        return new TestClient(gateway, key).subscribeTo("state", filters);
    }

    /** The top-level shape of a state message's data, in the pipeline's key order. */
    private static Map<String, Object> state() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("frame", 1234);
        data.put("table", Map.of("found", true));
        data.put("ball_count", 1);
        data.put("balls", List.of(Map.of("id", 1, "type", "cue", "position", Map.of("x", 635.2, "y", 634.9))));
        return data;
    }

    /** The reply refuses a subscribe, naming the problem, and says nothing changed. */
    static void assertRejected(JsonNode reply, String problem) {
        assertEquals("error", reply.get("type").asText(), reply.toString());
        assertEquals("INVALID_SUBSCRIBE_FORMAT", reply.at("/data/code").asText());
        String message = reply.at("/data/message").asText();
        assertTrue(message.contains(problem), message);
        assertTrue(message.endsWith("No subscription was changed."), message);
    }



}

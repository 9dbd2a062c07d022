package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.gateway.auth.AuthSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An installation of several tables: every message names its table, each table's streams are
 * numbered and remembered on their own, and a client subscribes to some tables or to all.
 */
class GatewayTablesTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final List<Instant> wakeUps = new ArrayList<>();
    private final List<Undelivered> deadLetters = new ArrayList<>();
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v").withTables(Tables.of(List.of("t1", "t2"))),
            clock, AuthSettings.open(), wakeUps::add, AckSettings.defaults(), deadLetters::add);

    @Test
    void eachTableNumbersItsStreamsOnItsOwnAndEveryMessageNamesItsTable() {
        TestClient all = new TestClient(gateway, "all");
        all.request("{'type':'subscribe','data':{'streams':['trajectory']}}");

        gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", 1));
        gateway.publish("t2", Stream.TRAJECTORY, Map.of("n", 2));
        gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", 3));

        assertEquals(List.of("t1:1", "t2:1", "t1:2"), tableSequences(all, "trajectory"));
        assertEquals("t1", gateway.tables().defaultId());
        JsonNode welcome = all.received().get(0);
        assertEquals("connection", welcome.get("type").asText());
        assertEquals(List.of("t1", "t2"), textList(welcome.at("/data/tables")), "the welcome lists the tables");
    }

    @Test
    void aClientOfSomeTablesGetsOnlyTheirMessages() {
        TestClient second = new TestClient(gateway, "second");
        JsonNode reply = second.request("{'type':'subscribe','data':{'streams':['trajectory'],'tables':['t2']}}");
        assertEquals(List.of("t2"), textList(reply.at("/data/tables")));
        assertEquals(List.of("t2"), textList(reply.at("/data/all_tables/trajectory")));

        gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", 1));
        gateway.publish("t2", Stream.TRAJECTORY, Map.of("n", 2));

        assertEquals(List.of("t2:1"), tableSequences(second, "trajectory"));
    }

    @Test
    void tablesAddUpAndAnUnsubscribeCanLeaveOneTable() {
        TestClient client = new TestClient(gateway, "c");
        client.request("{'type':'subscribe','data':{'streams':['trajectory'],'tables':['t1']}}");
        JsonNode more = client.request("{'type':'subscribe','data':{'streams':['trajectory'],'tables':['t2']}}");
        assertEquals(List.of("t1", "t2"), textList(more.at("/data/all_tables/trajectory")));

        JsonNode left = client.request("{'type':'unsubscribe','data':{'streams':['trajectory'],'tables':['t1']}}");
        assertEquals(List.of(), textList(left.at("/data/streams")), "the stream stays, on t2");
        assertEquals(List.of("t2"), textList(left.at("/data/all_tables/trajectory")));
        gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", 1));
        gateway.publish("t2", Stream.TRAJECTORY, Map.of("n", 2));
        assertEquals(List.of("t2:1"), tableSequences(client, "trajectory"));
        assertEquals(List.of("t2"), textList(client.request("{'type':'get_status'}").at("/data/tables/trajectory")));

        JsonNode gone = client.request("{'type':'unsubscribe','data':{'streams':['trajectory']}}");
        assertEquals(List.of("trajectory"), textList(gone.at("/data/streams")));
    }

    @Test
    void anUnknownTableIsRefusedByNameAndChangesNothing() {
        TestClient client = new TestClient(gateway, "c");

        JsonNode error = client.request("{'type':'subscribe','data':{'streams':['state'],'tables':['t1','t9']}}");

        assertEquals("INVALID_SUBSCRIBE_FORMAT", error.at("/data/code").asText());
        assertTrue(error.at("/data/message").asText().contains("t9"), error.toString());
        assertTrue(error.at("/data/message").asText().contains("t1, t2"), "names the tables there are");
        assertEquals(List.of(), textList(client.request("{'type':'get_status'}").at("/data/subscriptions")));
        assertEquals("INVALID_SUBSCRIBE_FORMAT",
                client.request("{'type':'subscribe','data':{'streams':['state'],'tables':'t1'}}").at("/data/code").asText());
    }

    @Test
    void subscribingToStateSendsEachTablesLatestState() {
        gateway.publish("t1", Stream.STATE, Map.of("n", 1));
        gateway.publish("t2", Stream.STATE, Map.of("n", 2));
        gateway.publish("t2", Stream.STATE, Map.of("n", 3));

        TestClient client = new TestClient(gateway, "c");
        client.firstReplyTo("{'type':'subscribe','data':{'streams':['state']}}");

        assertEquals(List.of("t1:1", "t2:2"), tableSequences(client, "state"));
    }

    @Test
    void aResumeGivesEachTablesPositionAndIsAnsweredInTheSameShape() {
        for (int n = 1; n <= 3; n++) {
            gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", n));
            gateway.publish("t2", Stream.TRAJECTORY, Map.of("n", n));
        }
        TestClient client = new TestClient(gateway, "c");

        JsonNode reply = client.firstReplyTo(
                "{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':{'t1':1,'t2':3}}}}");

        assertTrue(reply.at("/data/recovered/trajectory/t1").asBoolean());
        assertTrue(reply.at("/data/recovered/trajectory/t2").asBoolean());
        assertEquals(List.of("t1:2", "t1:3"), tableSequences(client, "trajectory"));

        TestClient one = new TestClient(gateway, "one");
        JsonNode flat = one.firstReplyTo(
                "{'type':'subscribe','data':{'streams':['trajectory'],'tables':['t2'],'resume':{'trajectory':2}}}");
        assertTrue(flat.at("/data/recovered/trajectory").isBoolean(), "a number in, a boolean out: " + flat);
        assertEquals(List.of("t2:3"), tableSequences(one, "trajectory"));
    }

    @Test
    void aResumeByNumberNeedsASingleTable() {
        TestClient client = new TestClient(gateway, "c");

        JsonNode error = client.request("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':0}}}");

        assertEquals("INVALID_SUBSCRIBE_FORMAT", error.at("/data/code").asText());
        assertTrue(error.at("/data/message").asText().contains("on each table"), error.toString());
        JsonNode elsewhere = client.request(
                "{'type':'subscribe','data':{'streams':['trajectory'],'tables':['t1'],'resume':{'trajectory':{'t2':0}}}}");
        assertTrue(elsewhere.at("/data/message").asText().contains("'t2'"), elsewhere.toString());
    }

    @Test
    void maxFpsHoldsEachTablesNewestMessageSeparately() {
        TestClient throttled = new TestClient(gateway, "t")
                .subscribeTo("trajectory", "{'trajectory':{'max_fps':10}}");
        gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", 1));
        gateway.publish("t2", Stream.TRAJECTORY, Map.of("n", 1));
        clock.advance(Duration.ofMillis(30));
        gateway.publish("t1", Stream.TRAJECTORY, Map.of("n", 2));
        gateway.publish("t2", Stream.TRAJECTORY, Map.of("n", 2));

        clock.advance(Duration.ofMillis(70));
        gateway.flushDue();

        List<String> received = tableSequences(throttled, "trajectory");
        assertEquals(List.of("t1:1", "t2:1"), received.subList(0, 2));
        assertEquals(Set.of("t1:2", "t2:2"), Set.copyOf(received.subList(2, received.size())),
                "one table's held message does not replace the other's");
    }

    @Test
    void anAckNamesItsTableWhenThereAreSeveral() {
        TestClient client = new TestClient(gateway, "c");
        client.request("{'type':'subscribe','data':{'streams':['alert']}}");
        gateway.publish("t2", Stream.ALERT, Map.of("level", "warning"));

        JsonNode unnamed = client.request("{'type':'ack','data':{'stream':'alert','sequence':1}}");
        assertEquals("INVALID_ACK_FORMAT", unnamed.at("/data/code").asText());
        assertTrue(unnamed.at("/data/message").asText().contains("table_id"), unnamed.toString());

        JsonNode wrongTable = client.request("{'type':'ack','data':{'stream':'alert','table_id':'t1','sequence':1}}");
        assertEquals("UNKNOWN_ACK_SEQUENCE", wrongTable.at("/data/code").asText(), "t1's alert #1 was never sent");

        JsonNode acked = client.request("{'type':'ack','data':{'stream':'alert','table_id':'t2','sequence':1}}");
        assertEquals("acked", acked.get("type").asText());
        assertEquals("t2", acked.at("/data/table_id").asText());
        assertEquals(0, acked.at("/data/pending").asInt());
    }

    @Test
    void publishingToATableThatIsNotHereFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> gateway.publish("t9", Stream.STATE, Map.of()));
        assertTrue(e.getMessage().contains("t9"), e.getMessage());
    }

    @Test
    void tableIdsAreCheckedWhenConfigured() {
        assertThrows(IllegalArgumentException.class, () -> Tables.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Tables.of(List.of("t1", "t1")));
        var e = assertThrows(IllegalArgumentException.class, () -> Tables.of(List.of("table 3")));
        assertTrue(e.getMessage().contains("'table 3'"), e.getMessage());
    }

    /** The client's messages of a stream as "table:sequence", in arrival order. */
    private static List<String> tableSequences(TestClient client, String type) {
        return client.ofType(type).stream()
                .map(message -> message.get("table_id").asText() + ":" + message.get("sequence").asLong())
                .toList();
    }

    private static List<String> textList(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}

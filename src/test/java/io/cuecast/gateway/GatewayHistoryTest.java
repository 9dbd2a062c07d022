package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.gateway.auth.AuthSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resume from history and latest value on subscribe, through the {@link Gateway} facade. */
class GatewayHistoryTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private Gateway gateway = gatewayWith(new HistorySettings(5, Duration.ofSeconds(60), EnumSet.of(Stream.STATE)));

    @Test
    void resumeWithinHistoryReplaysExactlyTheMissedMessagesThenGoesLive() {
        publish(Stream.TRAJECTORY, 6);
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':3}}}");
        gateway.publish(Stream.TRAJECTORY, Map.of("i", 7));

        assertEquals("subscribed", reply.get("type").asText());
        assertEquals(List.of("trajectory"), texts(reply.at("/data/streams")));
        assertTrue(reply.at("/data/recovered/trajectory").asBoolean(), reply.toString());
        assertEquals(List.of(4L, 5L, 6L, 7L), sequences(client.ofType("trajectory")));
        assertEquals(List.of("connection", "subscribed", "trajectory", "trajectory", "trajectory", "trajectory"),
                types(client.received()));
    }

    @Test
    void replayedMessagesAreTheTextThatWasFannedOut() {
        TestClient live = subscribed("live", "trajectory");
        publish(Stream.TRAJECTORY, 2);
        TestClient back = new TestClient(gateway, "back");

        back.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':0}}}");

        List<String> liveTexts = streamTexts(live);
        List<String> replayed = streamTexts(back);
        assertEquals(2, replayed.size());
        assertSame(liveTexts.get(0), replayed.get(0));
        assertSame(liveTexts.get(1), replayed.get(1));
    }

    @Test
    void resumeAtTheLastSequenceRecoversWithNothingToSend() {
        publish(Stream.STATE, 4);
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['state'],'resume':{'state':4}}}");

        assertTrue(reply.at("/data/recovered/state").asBoolean(), reply.toString());
        assertTrue(client.ofType("state").isEmpty(), "nothing was missed, and a resume sends no latest value");
    }

    @Test
    void resumeBeyondTheHistorySizeIsNotRecoveredAndGetsTheLatestAsASnapshot() {
        publish(Stream.TRAJECTORY, 9); // history keeps 5..9
        TestClient client = new TestClient(gateway, "back");

        JsonNode tooOld = client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':3}}}");

        assertFalse(tooOld.at("/data/recovered/trajectory").asBoolean(true), tooOld.toString());
        assertEquals(List.of(9L), sequences(client.ofType("trajectory")));
    }

    @Test
    void theOldestMessageStillHeldIsEnoughToRecover() {
        publish(Stream.TRAJECTORY, 9); // history keeps 5..9
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':4}}}");

        assertTrue(reply.at("/data/recovered/trajectory").asBoolean(), reply.toString());
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L), sequences(client.ofType("trajectory")));
    }

    @Test
    void messagesOlderThanTheMaxAgeAreForgotten() {
        publish(Stream.TRAJECTORY, 2);
        clock.advance(Duration.ofSeconds(30));
        publish(Stream.TRAJECTORY, 1);
        clock.advance(Duration.ofSeconds(40)); // 1 and 2 are 70 s old, 3 is 40 s old

        TestClient gapTooOld = new TestClient(gateway, "old");
        JsonNode lost = gapTooOld.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':1}}}");
        TestClient gapRecent = new TestClient(gateway, "recent");
        JsonNode kept = gapRecent.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':2}}}");

        assertFalse(lost.at("/data/recovered/trajectory").asBoolean(true));
        assertEquals(List.of(3L), sequences(gapTooOld.ofType("trajectory")));
        assertTrue(kept.at("/data/recovered/trajectory").asBoolean());
        assertEquals(List.of(3L), sequences(gapRecent.ofType("trajectory")));
    }

    @Test
    void whenEverythingHasExpiredAnUnrecoveredResumeGetsNoSnapshot() {
        publish(Stream.TRAJECTORY, 3);
        clock.advance(Duration.ofSeconds(61));
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':1}}}");

        assertFalse(reply.at("/data/recovered/trajectory").asBoolean(true));
        assertTrue(client.ofType("trajectory").isEmpty());
    }

    @Test
    void eachResumedStreamReportsItsOwnRecoveryInTheOrderOfStreams() {
        publish(Stream.TRAJECTORY, 9);
        publish(Stream.ALERT, 2);
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['alert','trajectory','events'],"
                + "'resume':{'trajectory':1,'alert':1}}}");

        assertEquals("{\"alert\":true,\"trajectory\":false}", reply.at("/data/recovered").toString());
        assertEquals(List.of("alert", "trajectory"), types(client.received().subList(2, 4)));
    }

    @Test
    void resumeFromTheFutureIsRejectedAndChangesNothing() {
        publish(Stream.TRAJECTORY, 3);
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.request("{'type':'subscribe','data':{'streams':['state','trajectory'],'resume':{'trajectory':4}}}");

        assertError(reply, "trajectory");
        assertEquals(List.of(), List.copyOf(gateway.subscriptions().streamsOf(client.session)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'type':'subscribe','data':{'streams':['state'],'resume':{'trajectory':0}}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':{'video':0}}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':{'state':-1}}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':{'state':1.5}}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':{'state':'1'}}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':{'state':null}}}"})
    void malformedResumesAreRejectedAndChangeNothing(String request) {
        TestClient client = new TestClient(gateway, "back");

        assertError(client.request(request), null);
        assertTrue(gateway.subscriptions().streamsOf(client.session).isEmpty());
    }

    @Test
    void resumingAStreamAlreadyReceivedIsRejected() {
        publish(Stream.TRAJECTORY, 3);
        TestClient client = subscribed("a", "trajectory");

        assertError(client.request("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':1}}}"),
                "trajectory");
        assertTrue(client.ofType("trajectory").isEmpty());
    }

    @Test
    void subscribingToStateSendsTheLatestStateAtOnce() {
        TestClient live = subscribed("live", "state");
        publish(Stream.STATE, 3);
        TestClient late = new TestClient(gateway, "late");

        JsonNode reply = late.firstReplyTo("{'type':'subscribe','data':{'streams':['state']}}");

        assertFalse(reply.get("data").has("recovered"), "a plain subscribe reports no recovery");
        assertEquals(List.of("connection", "subscribed", "state"), types(late.received()));
        List<String> liveTexts = streamTexts(live);
        assertSame(liveTexts.get(liveTexts.size() - 1), streamTexts(late).get(0));
    }

    @Test
    void otherStreamsSendNothingOnSubscribe() {
        publish(Stream.TRAJECTORY, 3);

        TestClient client = subscribed("a", "trajectory");

        assertTrue(client.ofType("trajectory").isEmpty());
    }

    @Test
    void theLatestStateIsNotSentAgainToAClientAlreadySubscribed() {
        publish(Stream.STATE, 1);
        TestClient client = subscribed("a", "state");

        client.firstReplyTo("{'type':'subscribe','data':{'streams':['state','alert']}}");

        assertEquals(List.of(1L), sequences(client.ofType("state")));
    }

    @Test
    void nothingIsSentBeforeTheFirstMessage() {
        TestClient client = subscribed("a", "state");

        assertEquals(List.of("connection", "subscribed"), types(client.received()));
    }

    @Test
    void latestValueStreamsAreConfigurable() {
        gateway = gatewayWith(new HistorySettings(5, Duration.ofSeconds(60), EnumSet.of(Stream.CONFIG)));
        publish(Stream.STATE, 1);
        publish(Stream.CONFIG, 1);

        TestClient client = subscribed("a", "state", "config");

        assertEquals(List.of("connection", "subscribed", "config"), types(client.received()));
    }

    @Test
    void theWelcomeCarriesTheEpochOfTheNumbering() {
        String epoch = new TestClient(gateway, "a").received().get(0).at("/data/epoch").asText();

        assertFalse(epoch.isBlank());
        assertEquals(epoch, new TestClient(gateway, "b").received().get(0).at("/data/epoch").asText());
        assertFalse(epoch.equals(new TestClient(gatewayWith(HistorySettings.defaults()), "c")
                .received().get(0).at("/data/epoch").asText()), "a new server run has a new epoch");
    }

    /**
     * Clients reconnect and resume while another thread publishes without pause: each must see one
     * unbroken run of sequences from its resume point on, whatever the interleaving.
     */
    @Test
    void resumeWhilePublishingConcurrentlyLosesAndRepeatsNothing() throws Exception {
        gateway = gatewayWith(new HistorySettings(100_000, Duration.ofHours(1), EnumSet.noneOf(Stream.class)));
        publish(Stream.TRAJECTORY, 10);
        CountDownLatch publishing = new CountDownLatch(1);
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        List<TestClient> clients = new ArrayList<>();
        List<Long> resumedAt = new ArrayList<>();
        try {
            Future<?> publishes = publisher.submit(() -> {
                publishing.countDown();
                publish(Stream.TRAJECTORY, 20_000);
            });
            publishing.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 100 && !publishes.isDone(); i++) {
                long position = gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.TRAJECTORY) / 2;
                TestClient client = new TestClient(gateway, "c" + i);
                client.send("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':" + position + "}}}");
                clients.add(client);
                resumedAt.add(position);
            }
            publishes.get(60, TimeUnit.SECONDS);
        } finally {
            publisher.shutdownNow();
        }

        assertFalse(clients.isEmpty());
        long last = gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.TRAJECTORY);
        for (int i = 0; i < clients.size(); i++) {
            TestClient client = clients.get(i);
            assertTrue(client.received().get(1).at("/data/recovered/trajectory").asBoolean(), client.key);
            List<Long> expected = new ArrayList<>();
            for (long sequence = resumedAt.get(i) + 1; sequence <= last; sequence++) {
                expected.add(sequence);
            }
            assertEquals(expected, sequences(client.ofType("trajectory")), client.key);
        }
    }

    /**
     * A stand-in for the Kafka topics (io.cuecast.cluster.KafkaHistory, tested against a real
     * broker): what a client subscribed from the start received, or nothing at all.
     */
    private record Archive(List<String> texts, List<String> asked) implements OlderHistory {
        @Override
        public Optional<List<String>> messagesBetween(String table, Stream stream, long after, long through) {
            asked.add(table + "/" + stream.wireName() + " " + after + ".." + through);
            List<String> found = texts.stream().filter(text -> {
                long sequence = TestClient.parse(text).get("sequence").asLong();
                return sequence > after && sequence <= through;
            }).toList();
            return found.size() == through - after ? Optional.of(found) : Optional.empty();
        }
    }

    private Gateway gatewayReadingBackFrom(Archive archive) {
        return new Gateway(new GatewaySettings(64 * 1024, 1_000_000, "v",
                new HistorySettings(5, Duration.ofSeconds(60), EnumSet.of(Stream.STATE))), clock, AuthSettings.open(),
                FlushTimer.MANUAL, AckSettings.NONE, message -> { }, AckJournal.NONE, archive);
    }

    @Test
    void aResumeOlderThanMemoryIsReadBackFromTheOlderHistoryThenGoesLive() {
        Archive archive = new Archive(new ArrayList<>(), new ArrayList<>());
        gateway = gatewayReadingBackFrom(archive);
        TestClient recorder = subscribed("recorder", "trajectory");
        publish(Stream.TRAJECTORY, 20);
        archive.texts().addAll(streamTexts(recorder));
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':3}}}");
        gateway.publish(Stream.TRAJECTORY, Map.of("i", 21));

        assertTrue(reply.at("/data/recovered/trajectory").asBoolean(), reply.toString());
        assertEquals(List.of("main/trajectory 3..20"), archive.asked(), "memory holds 16 to 20; 4 to 20 read back");
        List<Long> expected = new ArrayList<>();
        for (long sequence = 4; sequence <= 21; sequence++) {
            expected.add(sequence);
        }
        assertEquals(expected, sequences(client.ofType("trajectory")));
    }

    @Test
    void aResumeTheOlderHistoryCannotServeIsNotRecoveredAndGetsTheLatest() {
        Archive empty = new Archive(List.of(), new ArrayList<>());
        gateway = gatewayReadingBackFrom(empty);
        publish(Stream.TRAJECTORY, 20);
        TestClient client = new TestClient(gateway, "back");

        JsonNode reply = client.firstReplyTo("{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':3}}}");

        assertFalse(reply.at("/data/recovered/trajectory").asBoolean(), reply.toString());
        assertEquals(List.of(20L), sequences(client.ofType("trajectory")));
    }

    @Test
    void aResumeWithinMemoryNeverAsksTheOlderHistory() {
        Archive archive = new Archive(List.of(), new ArrayList<>());
        gateway = gatewayReadingBackFrom(archive);
        publish(Stream.TRAJECTORY, 20);

        new TestClient(gateway, "back").firstReplyTo(
                "{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':16}}}");
        new TestClient(gateway, "now").firstReplyTo(
                "{'type':'subscribe','data':{'streams':['trajectory'],'resume':{'trajectory':20}}}");

        assertEquals(List.of(), archive.asked());
    }

    private Gateway gatewayWith(HistorySettings history) {
        return new Gateway(new GatewaySettings(64 * 1024, 1_000_000, "v", history), clock);
    }

    private void publish(Stream stream, int count) {
        for (int i = 0; i < count; i++) {
            gateway.publish(stream, Map.of("i", i));
        }
    }

    private TestClient subscribed(String key, String... streams) {
        TestClient client = new TestClient(gateway, key);
        String list = String.join("','", streams);
        assertEquals("subscribed", client.firstReplyTo("{'type':'subscribe','data':{'streams':['" + list + "']}}")
                .get("type").asText());
        return client;
    }

    /** The raw texts of the client's stream messages, to compare identities. */
    private static List<String> streamTexts(TestClient client) {
        return client.channel.sent().stream().filter(text -> TestClient.parse(text).has("sequence")).toList();
    }

    private static void assertError(JsonNode reply, String mentioned) {
        assertEquals("error", reply.get("type").asText(), reply.toString());
        assertEquals("INVALID_SUBSCRIBE_FORMAT", reply.at("/data/code").asText());
        assertEquals("subscribe", reply.at("/data/request_type").asText());
        if (mentioned != null) {
            assertTrue(reply.at("/data/message").asText().contains(mentioned), reply.toString());
        }
    }

    private static List<Long> sequences(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("sequence").asLong()).toList();
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("type").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.it.ReceivedFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The frame stream in the gateway, without a camera: a frame that counts its encodes stands in for
 * OpenCV, so each test sees exactly which levels were encoded and which bytes went to whom.
 */
class GatewayFrameTest {

    private static final long CAPTURED_AT_US = 1_795_630_931_498_870L;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final QualityLevels levels = QualityLevels.withDefault(
            QualityLevels.parseLevels("low:320:50, medium:640:70, high:1280:80"), "medium");
    private final Gateway gateway = new Gateway(new GatewaySettings(65536, 100, "v", HistorySettings.defaults(),
            LivenessSettings.defaults(), levels), clock);

    /** A camera or operator frame of 1280x720 whose "JPEG" names the level, counting every encode. */
    private static final class CountingFrame implements LiveFrame {
        final List<String> encoded = new ArrayList<>();
        private final Origin origin;

        CountingFrame(Origin origin) {
            this.origin = origin;
        }

        @Override
        public long capturedAtUs() {
            return CAPTURED_AT_US;
        }

        @Override
        public Origin origin() {
            return origin;
        }

        @Override
        public Jpeg encode(QualityLevel level) {
            encoded.add(level.name());
            int width = level.widthFor(1280);
            return new Jpeg(("jpeg@" + level.name()).getBytes(StandardCharsets.US_ASCII), width, width * 720 / 1280);
        }
    }

    private static CountingFrame cameraFrame() {
        return new CountingFrame(LiveFrame.Origin.CAMERA);
    }

    private TestClient subscribed(String key, String frameFilter) {
        TestClient client = new TestClient(gateway, key);
        String filters = frameFilter == null ? "" : ",'filters':{'frame':" + frameFilter + "}";
        JsonNode reply = client.request("{'type':'subscribe','data':{'streams':['frame']" + filters + "}}");
        assertEquals("subscribed", reply.path("type").asText(), reply.toString());
        return client;
    }

    @Test
    void eachFrameIsEncodedOncePerSubscribedLevelAndTheSameBytesGoToEveryClientOfALevel() {
        List<TestClient> low = List.of(subscribed("l1", "{'quality_level':'low'}"),
                subscribed("l2", "{'quality_level':'low'}"), subscribed("l3", "{'quality_level':'low','max_fps':30}"));
        List<TestClient> high = List.of(subscribed("h1", "{'quality_level':'high'}"),
                subscribed("h2", "{'quality_level':'high'}"));
        CountingFrame frame = cameraFrame();

        PublishResult result = gateway.publishFrame(frame).orElseThrow();

        assertEquals(List.of("low", "high"), frame.encoded, "one encode per level, none for the unwanted medium");
        assertEquals(5, result.delivered());
        for (TestClient client : low) {
            assertSame(onlyBinary(low.get(0)), onlyBinary(client));
        }
        for (TestClient client : high) {
            assertSame(onlyBinary(high.get(0)), onlyBinary(client));
        }
        assertNotSame(onlyBinary(low.get(0)), onlyBinary(high.get(0)));
        ReceivedFrame lowFrame = ReceivedFrame.parse(onlyBinary(low.get(0)));
        assertEquals("low", lowFrame.qualityLevel());
        assertEquals(320, lowFrame.header().path("width").asInt());
        assertEquals(180, lowFrame.header().path("height").asInt());
        assertEquals(CAPTURED_AT_US, lowFrame.header().path("captured_at_us").asLong());
        assertEquals(1795628756123456L, lowFrame.header().path("ts_us").asLong());
        assertEquals("camera", lowFrame.header().path("source").asText());
        assertEquals("jpeg@low", new String(lowFrame.jpeg(), StandardCharsets.US_ASCII));
        assertEquals(Map.of("low", 1L, "medium", 0L, "high", 1L), gateway.frameEncodesByLevel());
    }

    @Test
    void aClientWithoutAQualityLevelGetsTheDefaultOne() {
        TestClient client = subscribed("c", null);

        gateway.publishFrame(cameraFrame());

        assertEquals("medium", ReceivedFrame.parse(onlyBinary(client)).qualityLevel());
        assertEquals(640, ReceivedFrame.parse(onlyBinary(client)).header().path("width").asInt());
    }

    @Test
    void withoutFrameSubscribersNothingIsEncodedOrNumbered() {
        TestClient stateOnly = new TestClient(gateway, "s");
        stateOnly.request("{'type':'subscribe','data':{'streams':['state']}}");
        CountingFrame frame = cameraFrame();

        assertEquals(Optional.empty(), gateway.publishFrame(frame));

        assertEquals(List.of(), frame.encoded);
        assertEquals(0L, gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.FRAME));
        assertEquals(List.of(), stateOnly.channel.binaries());
        assertTrue(!gateway.hasFrameSubscribers());
    }

    @Test
    void frameSequencesAreConsecutiveAndFramesNeverEnterTheHistory() {
        TestClient client = subscribed("c", null);
        for (int i = 0; i < 3; i++) {
            gateway.publishFrame(cameraFrame());
        }
        assertEquals(List.of(1L, 2L, 3L), sequences(client));

        // A client that comes back resuming after frame 1 is told frames were lost and gets no old frame.
        TestClient back = new TestClient(gateway, "b");
        JsonNode reply = back.request("{'type':'subscribe','data':{'streams':['frame'],'resume':{'frame':1}}}");
        assertEquals(false, reply.at("/data/recovered/frame").asBoolean(true), reply.toString());
        assertEquals(List.of(), back.channel.binaries());
        gateway.publishFrame(cameraFrame());
        assertEquals(List.of(4L), sequences(back));
        assertTrue(back.ofType("frame").isEmpty(), "no frame ever goes out as text");
    }

    @Test
    void framesCannotBePublishedAsJson() {
        TestClient client = subscribed("c", null);

        assertThrows(IllegalArgumentException.class, () -> gateway.publish(Stream.FRAME, Map.of("image", "base64...")));

        assertTrue(client.ofType("frame").isEmpty());
        assertEquals(0L, gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.FRAME));
    }

    @Test
    void aClientWhosePreviousFrameIsStillBeingWrittenSkipsFramesAndOthersDoNot() {
        TestClient stalled = subscribed("s", null);
        TestClient reading = subscribed("r", null);
        stalled.channel.setHoldingBinaries(true);

        for (int i = 0; i < 4; i++) {
            gateway.publishFrame(cameraFrame());
        }

        assertEquals(List.of(1L), sequences(stalled), "latest-only: nothing queues behind the unwritten frame");
        assertEquals(List.of(1L, 2L, 3L, 4L), sequences(reading));
        assertEquals(3, stalled.session.messagesDropped());
        assertEquals(3, gateway.snapshot().messagesDropped());

        stalled.channel.writeOutBinaries();
        gateway.publishFrame(cameraFrame());
        assertEquals(List.of(1L, 5L), sequences(stalled), "once written out, the client gets the newest frame");
    }

    @Test
    void levelsWhoseClientsAreAllBusyOrNotDueAreNotEncoded() {
        TestClient busy = subscribed("b", "{'quality_level':'high'}");
        TestClient throttled = subscribed("t", "{'quality_level':'low','max_fps':5}");
        busy.channel.setHoldingBinaries(true);
        gateway.publishFrame(cameraFrame());

        clock.advance(Duration.ofMillis(100));
        CountingFrame second = cameraFrame();
        PublishResult skipped = gateway.publishFrame(second).orElseThrow();
        assertEquals(List.of(), second.encoded, "the 5 fps client is not due, the other is busy: nothing to encode");
        assertEquals(1, skipped.dropped(), "the busy client was due, so it missed a frame");
        assertEquals(1, busy.session.messagesDropped());

        clock.advance(Duration.ofMillis(100));
        CountingFrame third = cameraFrame();
        gateway.publishFrame(third);
        assertEquals(List.of("low"), third.encoded, "at 200 ms the 5 fps client is due; the busy one still is not");
        assertEquals(List.of(1L, 3L), sequences(throttled));
        assertEquals(List.of(1L), sequences(busy));
    }

    @Test
    void aFrameNobodyIsDueUnderMaxFpsIsNeitherEncodedNorNumbered() {
        TestClient throttled = subscribed("t", "{'max_fps':5}");
        gateway.publishFrame(cameraFrame());

        clock.advance(Duration.ofMillis(100));
        CountingFrame early = cameraFrame();
        assertEquals(Optional.empty(), gateway.publishFrame(early));

        assertEquals(List.of(), early.encoded);
        assertEquals(1L, gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.FRAME));
        assertEquals(0, throttled.session.messagesDropped(), "not due is not a drop");
    }

    @Test
    void aFrameInsideTheMaxFpsIntervalIsSkippedNotHeldForTheFlush() {
        TestClient throttled = subscribed("t", "{'max_fps':5}");
        gateway.publishFrame(cameraFrame());
        clock.advance(Duration.ofMillis(100));
        gateway.publishFrame(cameraFrame());

        clock.advance(Duration.ofMillis(150));
        assertEquals(Optional.empty(), gateway.flushDue(), "frames leave nothing pending for the flush timer");

        assertEquals(List.of(1L), sequences(throttled), "the camera's next frame is newer than any held one");
    }

    @Test
    void clientsWithTheSameFrameFilterShareOneIntervalAndLevelsShareOneEncoding() {
        TestClient first = subscribed("a", "{'max_fps':5}");
        gateway.publishFrame(cameraFrame());
        clock.advance(Duration.ofMillis(100));
        TestClient second = subscribed("b", "{'max_fps':5}");
        TestClient other = subscribed("c", "{'max_fps':10,'quality_level':'medium'}");

        CountingFrame frame = cameraFrame();
        gateway.publishFrame(frame);

        assertEquals(List.of("medium"), frame.encoded, "one encoding for both groups of the default level");
        assertEquals(List.of(1L), sequences(first));
        assertEquals(List.of(), sequences(second), "it joined a group whose interval had not ended");
        assertEquals(List.of(2L), sequences(other));
    }

    @Test
    void anOperatorsFrameGoesToEveryClientWhatEverItsRateOrUnwrittenFrame() {
        TestClient busy = subscribed("b", null);
        TestClient throttled = subscribed("t", "{'max_fps':1}");
        busy.channel.setHoldingBinaries(true);
        gateway.publishFrame(cameraFrame());

        PublishResult result = gateway.publishFrame(new CountingFrame(LiveFrame.Origin.OPERATOR)).orElseThrow();

        assertEquals(2, result.delivered());
        assertEquals("operator", ReceivedFrame.parse(busy.channel.binaries().get(1)).header().path("source").asText());
        assertEquals(List.of(1L, 2L), sequences(throttled));
    }

    @Test
    void anOperatorsFrameIsStillSkippedForAClientWhoseQueueIsFull() {
        TestClient full = subscribed("f", null);
        full.channel.setQueueFull(true);

        PublishResult result = gateway.publishFrame(new CountingFrame(LiveFrame.Origin.OPERATOR)).orElseThrow();

        assertEquals(1, result.dropped());
        assertEquals(List.of(), full.channel.binaries());
    }

    @Test
    void aFrameClientThatTakesNoFrameForTheSlowConsumerTimeoutIsClosedWith3008() {
        TestClient stalled = subscribed("s", null);
        TestClient reading = subscribed("r", null);
        // It stopped reading: its frame stays unwritten because its socket refuses the bytes.
        stalled.channel.setHoldingBinaries(true);
        stalled.channel.setStalled(true);

        for (int tenth = 0; tenth <= 60; tenth++) {
            gateway.publishFrame(cameraFrame());
            clock.advance(Duration.ofMillis(100));
            gateway.sweep();
        }

        assertEquals(3008, stalled.channel.closed().orElseThrow().code());
        assertTrue(reading.channel.closed().isEmpty());
        assertEquals(61, sequences(reading).size());
    }

    @Test
    void aFrameClientWhoseFrameWaitsOnTheServerIsNotClosed() {
        TestClient waitedOn = subscribed("w", null);
        // Its frame is unwritten because the server's event loop has not got to it; its socket is fine.
        waitedOn.channel.setHoldingBinaries(true);

        for (int tenth = 0; tenth <= 60; tenth++) {
            gateway.publishFrame(cameraFrame());
            clock.advance(Duration.ofMillis(100));
            gateway.sweep();
        }

        assertEquals(Optional.empty(), waitedOn.channel.closed());
        assertEquals(60, waitedOn.session.messagesDropped(), "latest-only: the frames behind the first are skipped");
        waitedOn.channel.writeOutBinaries();
        gateway.publishFrame(cameraFrame());
        assertEquals(List.of(1L, 62L), sequences(waitedOn));
    }

    @Test
    void anUnknownQualityLevelIsRefusedNamingTheLevels() {
        TestClient client = new TestClient(gateway, "c");

        JsonNode reply = client.request(
                "{'type':'subscribe','data':{'streams':['frame'],'filters':{'frame':{'quality_level':'ultra'}}}}");

        assertRejected(reply, "data.filters.frame.quality_level 'ultra' is not a quality level; the levels are low, medium, high.");
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "state | {'quality_level':'low'}         | data.filters.state.quality_level applies only to the frame stream.",
            "frame | {'include_fields':['width']}    | data.filters.frame.include_fields does not apply to the frame stream",
            "frame | {'exclude_fields':['width']}    | data.filters.frame.exclude_fields does not apply to the frame stream",
            "frame | {'min_fps':1}                   | data.filters.frame.min_fps does not apply to the frame stream",
            "frame | {'conditions':{'level':'info'}} | data.filters.frame.conditions does not apply to the frame stream"})
    void qualityLevelIsOnlyForFramesAndFramesTakeOnlyItAndMaxFps(String stream, String filter, String problem) {
        TestClient client = new TestClient(gateway, "c");

        assertRejected(client.request("{'type':'subscribe','data':{'streams':['" + stream + "'],"
                + "'filters':{'" + stream + "':" + filter + "}}}"), problem);
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
    }

    @Test
    void statusShowsTheChosenQualityLevel() {
        TestClient client = subscribed("c", "{'quality_level':'high','max_fps':5}");

        JsonNode filters = client.request("{'type':'get_status'}").at("/data/filters/frame");

        assertEquals("high", filters.path("quality_level").asText());
        assertEquals(5.0, filters.path("max_fps").asDouble());
    }

    private static void assertRejected(JsonNode reply, String problem) {
        assertEquals("error", reply.path("type").asText(), reply.toString());
        assertEquals("INVALID_SUBSCRIBE_FORMAT", reply.at("/data/code").asText());
        assertTrue(reply.at("/data/message").asText().contains(problem), reply.toString());
    }

    private static byte[] onlyBinary(TestClient client) {
        List<byte[]> binaries = client.channel.binaries();
        assertEquals(1, binaries.size());
        return binaries.get(0);
    }

    private static List<Long> sequences(TestClient client) {
        return client.channel.binaries().stream().map(b -> ReceivedFrame.parse(b).sequence()).toList();
    }
}

package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client protocol, driven through the {@link Gateway} facade as the adapter will drive it. */
class GatewayProtocolTest {

    private static final Instant START = Instant.parse("2026-11-25T17:45:56.123456Z");

    private final TestClock clock = new TestClock(START);
    private Gateway gateway = new Gateway(new GatewaySettings(1024, 1000, "0.1.0-test"), clock);
    private TestClient client = new TestClient(gateway, "conn-1");

    @Test
    void welcomeAnnouncesTheClientAndTheStreams() {
        JsonNode welcome = client.received().get(0);

        assertEquals("connection", welcome.get("type").asText());
        assertFalse(welcome.has("sequence"));
        JsonNode data = welcome.get("data");
        assertEquals(client.session.clientId(), data.get("client_id").asText());
        assertDoesNotThrow(() -> UUID.fromString(data.get("client_id").asText()));
        assertEquals("connected", data.get("status").asText());
        assertEquals("2026-11-25T17:45:56.123456Z", data.get("timestamp").asText());
        assertEquals("0.1.0-test", data.get("server_version").asText());
        assertEquals(Stream.wireNames(), texts(data.get("streams")));
        assertEquals(1, client.received().size());
    }

    @Test
    void nothingIsPushedBeforeTheClientSubscribes() {
        for (Stream stream : Stream.values()) {
            gateway.publish(stream, Map.of("n", 1));
        }
        assertEquals(List.of("connection"), types(client.received()));
    }

    @Test
    void subscribeRepliesWithNewStreamsInRequestOrderAndAllSorted() {
        JsonNode first = client.request("{'type':'subscribe','data':{'streams':['trajectory','alert']}}");
        assertEquals("subscribed", first.get("type").asText());
        assertFalse(first.has("sequence"));
        assertEquals(List.of("trajectory", "alert"), texts(first.at("/data/streams")));
        assertEquals(List.of("alert", "trajectory"), texts(first.at("/data/all_subscriptions")));

        JsonNode second = client.request("{'type':'subscribe','data':{'streams':['state','alert']}}");
        assertEquals(List.of("state"), texts(second.at("/data/streams")));
        assertEquals(List.of("alert", "state", "trajectory"), texts(second.at("/data/all_subscriptions")));
    }

    @Test
    void subscribedClientsReceiveTheStream() {
        client.request("{'type':'subscribe','data':{'streams':['state']}}");
        gateway.publish(Stream.STATE, Map.of("ball_count", 3));
        gateway.publish(Stream.TRAJECTORY, Map.of("line_count", 1));

        JsonNode message = client.last();
        assertEquals("state", message.get("type").asText());
        assertEquals(3, message.at("/data/ball_count").asInt());
        assertEquals(1, client.ofType("state").size());
        assertTrue(client.ofType("trajectory").isEmpty());
    }

    @Test
    void unsubscribeRepliesAndStopsDelivery() {
        client.request("{'type':'subscribe','data':{'streams':['state','alert']}}");
        gateway.publish(Stream.STATE, Map.of());

        JsonNode reply = client.request("{'type':'unsubscribe','data':{'streams':['state','frame']}}");
        gateway.publish(Stream.STATE, Map.of());
        gateway.publish(Stream.ALERT, Map.of());

        assertEquals("unsubscribed", reply.get("type").asText());
        assertEquals(List.of("state"), texts(reply.at("/data/streams")), "frame was never subscribed");
        assertEquals(List.of("alert"), texts(reply.at("/data/all_subscriptions")));
        assertEquals(1, client.ofType("state").size());
        assertEquals(1, client.ofType("alert").size());
        assertEquals(Set.of(Stream.ALERT), gateway.subscriptions().streamsOf(client.session));
    }

    @Test
    void anUnknownStreamRejectsTheWholeSubscribe() {
        JsonNode error = client.request("{'type':'subscribe','data':{'streams':['state','video','stats']}}");

        assertError(error, ErrorCode.INVALID_SUBSCRIBE_FORMAT, "subscribe");
        String message = error.at("/data/message").asText();
        assertTrue(message.contains("video") && message.contains("stats"), message);
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
        gateway.publish(Stream.STATE, Map.of());
        assertTrue(client.ofType("state").isEmpty());
    }

    @Test
    void anUnknownStreamRejectsTheWholeUnsubscribe() {
        client.request("{'type':'subscribe','data':{'streams':['state']}}");

        JsonNode error = client.request("{'type':'unsubscribe','data':{'streams':['state','video']}}");

        assertError(error, ErrorCode.INVALID_UNSUBSCRIBE_FORMAT, "unsubscribe");
        assertEquals(Set.of(Stream.STATE), gateway.subscriptions().streamsOf(client.session));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'type':'subscribe'}",
            "{'type':'subscribe','data':[]}",
            "{'type':'subscribe','data':{}}",
            "{'type':'subscribe','data':{'streams':'state'}}",
            "{'type':'subscribe','data':{'streams':['state',7]}}",
            "{'type':'subscribe','data':{'streams':['state'],'filters':'fast'}}",
            "{'type':'subscribe','data':{'streams':['state'],'filters':[]}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':42}}"})
    void malformedSubscribesAreRejectedAndChangeNothing(String request) {
        assertError(client.request(request), ErrorCode.INVALID_SUBSCRIBE_FORMAT, "subscribe");
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
    }

    @Test
    void anAbsurdlyLongStreamListIsRefusedWithoutEchoingIt() {
        String names = String.join(",", java.util.Collections.nCopies(33, "'state'"));

        JsonNode error = client.request("{'type':'subscribe','data':{'streams':[" + names + "]}}");

        assertError(error, ErrorCode.INVALID_SUBSCRIBE_FORMAT, "subscribe");
        assertTrue(error.at("/data/message").asText().contains("has 33 names; at most 32"), error.toString());
        assertEquals(Set.of(), gateway.subscriptions().streamsOf(client.session));
        String repeats = String.join(",", java.util.Collections.nCopies(32, "'state'"));
        assertEquals("subscribed", client.request("{'type':'subscribe','data':{'streams':[" + repeats + "]}}")
                .get("type").asText(), "32 names, repeats and all, are fine");
    }

    @Test
    void anErrorNamesAFewUnknownStreamsCutShortAndCountsTheRest() {
        String longName = "x".repeat(500);
        JsonNode error = client.request("{'type':'subscribe','data':{'streams':['a','b','c','d','" + longName
                + "','f','g']}}");

        String message = error.at("/data/message").asText();
        assertTrue(message.startsWith("Unknown stream(s) a, b, c, d, " + "x".repeat(40) + "... and 2 more;"), message);
        assertTrue(message.length() < 300, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'type':'subscribe','data':{'streams':['state'],'filters':{}}}",
            "{'type':'subscribe','data':{'streams':['state'],'filters':null}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':null}}",
            "{'type':'subscribe','data':{'streams':['state'],'resume':{}}}"})
    void emptyFiltersAndAnEmptyResumeAreAccepted(String request) {
        assertEquals("subscribed", client.request(request).get("type").asText());
        assertEquals(Set.of(Stream.STATE), gateway.subscriptions().streamsOf(client.session));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'type':'unsubscribe'}",
            "{'type':'unsubscribe','data':{'streams':{}}}",
            "{'type':'unsubscribe','data':{'streams':[null]}}"})
    void malformedUnsubscribesAreRejected(String request) {
        assertError(client.request(request), ErrorCode.INVALID_UNSUBSCRIBE_FORMAT, "unsubscribe");
    }

    @Test
    void pongCarriesServerTimeAndFullQualityWithoutAClientTimestamp() {
        JsonNode pong = client.request("{'type':'ping'}");

        assertEquals("pong", pong.get("type").asText());
        assertFalse(pong.has("sequence"));
        assertEquals("2026-11-25T17:45:56.123456Z", pong.at("/data/timestamp").asText());
        assertEquals(Timestamps.epochMicros(START), pong.at("/data/server_ts_us").asLong());
        assertEquals(1.0, pong.at("/data/quality_score").asDouble());
    }

    @ParameterizedTest
    @CsvSource({"0, 1.0", "49, 1.0", "50, 0.8", "99, 0.8", "100, 0.6", "199, 0.6", "200, 0.3", "5000, 0.3"})
    void pongQualityFollowsTheLatencyOfAMillisecondTimestamp(long latencyMillis, double quality) {
        clock.advance(Duration.ofNanos(543_544_000)); // onto a whole millisecond: 17:45:56.667Z
        long sentAt = clock.millis() - latencyMillis;

        JsonNode pong = client.request("{'type':'ping','data':{'timestamp':" + sentAt + "}}");

        assertEquals(quality, pong.at("/data/quality_score").asDouble());
        assertEquals(Duration.ofMillis(latencyMillis), client.session.lastPingLatency().orElseThrow());
    }

    @Test
    void aFractionalMillisecondTimestampKeepsMicrosecondPrecision() {
        long sentAtMicros = Timestamps.epochMicros(START) - 70_001;
        String sentAt = String.format("%d.%03d", sentAtMicros / 1000, sentAtMicros % 1000);

        client.request("{'type':'ping','data':{'timestamp':" + sentAt + "}}");

        assertEquals(Duration.ofNanos(70_001_000), client.session.lastPingLatency().orElseThrow());
    }

    @Test
    void pongAcceptsAnIsoClientTimestamp() {
        JsonNode pong = client.request("{'type':'ping','data':{'timestamp':'2026-11-25T17:45:55.999456+00:00'}}");

        assertEquals(0.6, pong.at("/data/quality_score").asDouble());
        assertEquals(Duration.ofMillis(124), client.session.lastPingLatency().orElseThrow());
    }

    @Test
    void anUnreadableClientTimestampStillGetsAPong() {
        JsonNode pong = client.request("{'type':'ping','data':{'timestamp':'yesterday'}}");

        assertEquals("pong", pong.get("type").asText());
        assertTrue(client.session.lastPingLatency().isEmpty());
    }

    @Test
    void statusReportsTheSessionAndItsSubscriptionsFromTheRegistry() {
        client.request("{'type':'subscribe','data':{'streams':['trajectory','state']}}");
        client.request("{'type':'ping','data':{'timestamp':'2026-11-25T17:45:56.053456Z'}}");
        clock.advance(Duration.ofMillis(2500));

        JsonNode status = client.request("{'type':'get_status'}");

        assertEquals("status", status.get("type").asText());
        JsonNode data = status.get("data");
        assertEquals(client.session.clientId(), data.get("client_id").asText());
        assertEquals("2026-11-25T17:45:56.123456Z", data.get("connected_at").asText());
        assertEquals(2.5, data.get("uptime").asDouble());
        assertEquals(List.of("state", "trajectory"), texts(data.get("subscriptions")));
        assertEquals(3, data.get("message_count").asLong());
        assertEquals(3, data.get("messages_sent").asLong(), "welcome, subscribed and pong");
        assertEquals(0, data.get("messages_dropped").asLong());
        assertEquals(sentBytesBefore(client.channel.sent().size() - 1), data.get("bytes_sent").asLong());
        assertTrue(data.get("bytes_received").asLong() > 0);
        assertEquals(0.8, data.get("quality_score").asDouble());
        assertEquals(0.07, data.get("last_ping_latency").asDouble());
        assertTrue(data.get("is_alive").asBoolean());
    }

    @Test
    void statusLatencyIsNullUntilMeasured() {
        JsonNode status = client.request("{'type':'get_status'}");
        assertTrue(status.at("/data/last_ping_latency").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'type':", "not json", "", "{'type':'ping'} trailing"})
    void invalidJsonIsReported(String text) {
        assertError(client.request(text), ErrorCode.INVALID_JSON, null);
        assertSessionStillWorks();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "'ping'", "{}", "{'type':5}", "{'data':{'type':'ping'}}", "null"})
    void jsonThatIsNotAnObjectWithAStringTypeIsReported(String text) {
        assertError(client.request(text), ErrorCode.INVALID_MESSAGE_FORMAT, null);
        assertSessionStillWorks();
    }

    @Test
    void unknownTypesAreReportedWithTheirType() {
        JsonNode error = client.request("{'type':'authenticate','data':{}}");

        assertError(error, ErrorCode.UNKNOWN_MESSAGE_TYPE, "authenticate");
        assertTrue(error.at("/data/message").asText().contains("'authenticate'"));
        assertSessionStillWorks();
    }

    @Test
    void oversizedMessagesAreRefusedBeforeParsingAndCloseTheConnectionWith1009() {
        String atLimit = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(1000) + "\"}";
        assertEquals(1024, Utf8.length(atLimit));
        assertEquals("pong", client.request(atLimit).get("type").asText());

        // Not even valid JSON: the size check must come first.
        JsonNode error = client.request("{" + "é".repeat(512));

        assertError(error, ErrorCode.MESSAGE_TOO_LARGE, null);
        assertTrue(error.at("/data/message").asText().contains("1025 bytes"), error.toString());
        assertEquals(new RecordingChannel.Close(1009, "message too big: 1025 bytes or more, the limit is 1024"),
                client.channel.closed().orElseThrow());
        assertEquals(0, gateway.connectionCount(), "the session is gone at once");
    }

    @Test
    void theDefaultSizeLimitIs64KiB() {
        useGateway(GatewaySettings.defaults("v"));
        String tooBig = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}";

        assertError(client.request(tooBig), ErrorCode.MESSAGE_TOO_LARGE, null);
    }

    @Test
    void aMessageTheTransportStoppedIsRefusedWithItsCloseCodeOnce() {
        gateway.refuse("conn-1", InboundMessageGuard.Verdict.INVALID_UTF8, 10);
        gateway.refuse("conn-1", InboundMessageGuard.Verdict.INVALID_UTF8, 10);

        assertEquals(1, client.ofType("error").size(), "one error, one close");
        assertError(client.last(), ErrorCode.INVALID_UTF8, null);
        assertEquals(1007, client.channel.closed().orElseThrow().code());
        assertEquals(0, gateway.connectionCount());
    }

    @Test
    void messagesOverTheRateLimitAreRejectedUntilTheWindowMoves() {
        useGateway(new GatewaySettings(1024, 3, "v"));
        client.request("{'type':'subscribe','data':{'streams':['state']}}");
        client.request("{'type':'ping'}");
        client.request("{'type':'ping'}");

        JsonNode error = client.request("{'type':'unsubscribe','data':{'streams':['state']}}");

        assertError(error, ErrorCode.RATE_LIMIT, null);
        assertEquals(Set.of(Stream.STATE), gateway.subscriptions().streamsOf(client.session), "not processed");
        gateway.publish(Stream.STATE, Map.of());
        assertEquals(1, client.ofType("state").size(), "the connection still gets its stream");

        clock.advance(Duration.ofSeconds(60));
        assertEquals("pong", client.request("{'type':'ping'}").get("type").asText());
    }

    @Test
    void theDefaultRateLimitIs100AMinute() {
        useGateway(GatewaySettings.defaults("v"));
        for (int i = 0; i < 100; i++) {
            client.request("{'type':'ping'}");
        }
        assertError(client.request("{'type':'ping'}"), ErrorCode.RATE_LIMIT, null);
    }

    @Test
    void anInternalFailureIsReportedAndTheSessionCarriesOn() {
        clock.failNext(1);

        JsonNode error = client.request("{'type':'get_status'}");

        assertEquals(ErrorCode.MESSAGE_HANDLER_ERROR.name(), error.at("/data/code").asText());
        assertFalse(error.at("/data/message").asText().isBlank());
        assertSessionStillWorks();
    }

    @Test
    void aFailureWhileReportingAFailureDoesNotEscape() {
        clock.failNext(2);

        assertDoesNotThrow(() -> client.send("{'type':'ping'}"));

        assertSessionStillWorks();
    }

    @Test
    void messagesForAnUnknownConnectionAreIgnored() {
        assertDoesNotThrow(() -> gateway.receive("never-connected", "{\"type\":\"ping\"}"));
    }

    private void useGateway(GatewaySettings settings) {
        gateway = new Gateway(settings, clock);
        client = new TestClient(gateway, "conn-1");
    }

    private void assertSessionStillWorks() {
        assertEquals("pong", client.request("{'type':'ping'}").get("type").asText());
    }

    private static void assertError(JsonNode reply, ErrorCode code, String requestType) {
        assertEquals("error", reply.get("type").asText(), reply.toString());
        assertFalse(reply.has("sequence"));
        assertEquals(code.name(), reply.at("/data/code").asText(), reply.toString());
        assertFalse(reply.at("/data/message").asText().isBlank());
        if (requestType == null) {
            assertFalse(reply.get("data").has("request_type"), reply.toString());
        } else {
            assertEquals(requestType, reply.at("/data/request_type").asText());
        }
    }

    private long sentBytesBefore(int count) {
        return client.channel.sent().subList(0, count).stream().mapToLong(Utf8::length).sum();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> types(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("type").asText()).toList();
    }
}

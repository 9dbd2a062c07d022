package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Per-connection link health: latency from both kinds of ping, jitter, recent loss and the quality level. */
class GatewayLinkHealthTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T17:45:56.123456Z"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"), clock);
    private final TestClient client = new TestClient(gateway, "c");

    @ParameterizedTest
    @CsvSource({
            "0,      EXCELLENT", "19.999, EXCELLENT", "20, GOOD", "49.999, GOOD", "50, FAIR", "99.999, FAIR",
            "100, POOR", "199.999, POOR", "200, CRITICAL", "5000, CRITICAL"})
    void latencyBandsHaveTheirBoundsInTheHigherBand(double millis, LinkQuality.Level level) {
        assertEquals(level, LinkQuality.level(millis, 0, 0));
    }

    @ParameterizedTest
    @CsvSource({
            "10, 2, 5,    CRITICAL",   // 20 % of 10: heavy
            "10, 1, 5,    EXCELLENT",  // exactly 10 %: not more than 10 %
            "100, 11, 5,  CRITICAL",
            "9, 9, 5,     EXCELLENT",  // too few messages to judge
            "10, 2, ,     CRITICAL",   // heavy loss decides even before any latency
            "0, 0, ,      UNKNOWN"})
    void heavyLossIsCriticalWhateverTheLatency(long offered, long dropped, Double latency, LinkQuality.Level level) {
        assertEquals(level, LinkQuality.level(latency, offered, dropped));
    }

    @Test
    void aClientPingsTimestampGivesLatencyAndTheStatusShowsIt() {
        JsonNode unmeasured = link();
        assertEquals("UNKNOWN", unmeasured.get("quality_level").asText());
        assertTrue(unmeasured.get("latency_ms").isNull());

        pingSent(Duration.ofMillis(30));

        JsonNode status = client.request("{'type':'get_status'}").get("data");
        assertEquals(0.03, status.get("last_ping_latency").asDouble(), 1e-9, "the original's field, in seconds");
        assertEquals(1.0, status.get("quality_score").asDouble(), "the original's score: under 50 ms");
        assertEquals("GOOD", status.at("/link/quality_level").asText());
        assertEquals(30.0, status.at("/link/latency_ms").asDouble());
        assertEquals(1, status.at("/link/latency_samples").asLong());
        assertTrue(status.at("/link/jitter_ms").isNull(), "jitter needs two samples");
    }

    @Test
    void jitterFollowsRfc3550AndTheStatisticsCoverRecentSamples() {
        pingSent(Duration.ofMillis(10));
        pingSent(Duration.ofMillis(30));
        pingSent(Duration.ofMillis(20));

        JsonNode link = link();
        // J = 0 + (20 - 0)/16 = 1.25, then 1.25 + (10 - 1.25)/16 = 1.796875
        assertEquals(1.797, link.get("jitter_ms").asDouble());
        assertEquals(20.0, link.get("avg_latency_ms").asDouble());
        assertEquals(10.0, link.get("min_latency_ms").asDouble());
        assertEquals(30.0, link.get("max_latency_ms").asDouble());
        assertEquals(20.0, link.get("latency_ms").asDouble());
        assertEquals("GOOD", link.get("quality_level").asText(), "the level follows the average");

        for (int i = 0; i < LinkHealth.LATENCY_WINDOW; i++) {
            pingSent(Duration.ofMillis(300));
        }
        assertEquals(300.0, link().get("min_latency_ms").asDouble(), "older samples have left the window");
        assertEquals("CRITICAL", link().get("quality_level").asText());
    }

    @Test
    void aPongEchoingTheServersPingMeasuresHalfTheRoundTrip() {
        clock.advance(Duration.ofSeconds(30));
        gateway.sweep();
        JsonNode ping = client.ofType("ping").get(0);
        clock.advance(Duration.ofMillis(240));

        client.send("{'type':'pong','data':{'server_ts_us':" + ping.at("/data/server_ts_us").asLong() + "}}");

        assertEquals(120.0, link().get("latency_ms").asDouble());
        assertEquals("POOR", link().get("quality_level").asText());
    }

    @Test
    void aPongWithoutAUsableEchoMeasuresNothing() {
        client.send("{'type':'pong','data':{'server_ts_us':'soon'}}");
        client.send("{'type':'pong','data':{'server_ts_us':" + (nowMicros() + 5_000_000) + "}}");  // from the future

        assertEquals(0, link().get("latency_samples").asLong());
    }

    @Test
    void heavyRecentLossMakesTheLinkCriticalUntilItHasPassed() {
        client.request("{'type':'subscribe','data':{'streams':['events']}}");
        pingSent(Duration.ofMillis(5));
        for (int i = 0; i < 20; i++) {
            client.channel.setQueueFull(i % 4 == 0);      // every fourth message dropped: 25 %
            gateway.publish(Stream.EVENTS, Map.of("i", i));
            if (i % 4 == 3) {
                clock.advance(Duration.ofSeconds(1));
                gateway.sweep();
            }
        }
        JsonNode lossy = link();
        assertEquals("CRITICAL", lossy.get("quality_level").asText(), lossy.toString());
        assertEquals(20, lossy.get("recent_messages_offered").asLong());
        assertEquals(5, lossy.get("recent_messages_dropped").asLong());
        assertEquals(0.25, lossy.get("recent_drop_ratio").asDouble());

        client.channel.setQueueFull(false);
        for (int second = 0; second < 11; second++) {
            gateway.publish(Stream.EVENTS, Map.of("clean", second));
            clock.advance(Duration.ofSeconds(1));
            gateway.sweep();
            client.send("{'type':'pong'}");   // keeps the idle timeout away
        }
        JsonNode recovered = link();
        assertEquals(0, recovered.get("recent_messages_dropped").asLong(), recovered.toString());
        assertEquals("EXCELLENT", recovered.get("quality_level").asText());
    }

    /** A client ping stamped {@code ago} before the server's now. */
    private void pingSent(Duration ago) {
        long sentMicros = nowMicros() - ago.toNanos() / 1000;
        client.request("{'type':'ping','data':{'timestamp':" + sentMicros / 1000.0 + "}}");
    }

    private long nowMicros() {
        return Timestamps.epochMicros(clock.instant());
    }

    private JsonNode link() {
        return client.request("{'type':'get_status'}").at("/data/link");
    }
}

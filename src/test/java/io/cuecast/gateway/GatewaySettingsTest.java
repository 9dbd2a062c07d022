package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void defaultsAre64KiBAnd100AMinute() {
        GatewaySettings settings = GatewaySettings.defaults("1.2.3");
        assertEquals(65536, settings.maxMessageBytes());
        assertEquals(100, settings.rateLimitPerMinute());
        assertEquals("1.2.3", settings.serverVersion());
    }

    @Test
    void rejectsANonPositiveSizeLimitNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GatewaySettings(0, 100, "v"));
        assertTrue(e.getMessage().contains("maxMessageBytes"), e.getMessage());
    }

    @Test
    void rejectsANonPositiveRateLimitNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GatewaySettings(1024, -1, "v"));
        assertTrue(e.getMessage().contains("rateLimitPerMinute"), e.getMessage());
    }

    @Test
    void rejectsABlankVersion() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GatewaySettings(1024, 100, " "));
        assertTrue(e.getMessage().contains("serverVersion"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GatewaySettings(1024, 100, null));
    }

    @Test
    void historyDefaultsTo300MessagesOf60SecondsAndTheLatestState() {
        HistorySettings history = GatewaySettings.defaults("v").history();
        assertEquals(300, history.size());
        assertEquals(Duration.ofSeconds(60), history.maxAge());
        assertEquals(Set.of(Stream.STATE), history.latestValueStreams());
    }

    @Test
    void historyRejectsAnEmptySizeOrAge() {
        assertThrows(IllegalArgumentException.class, () -> new HistorySettings(0, Duration.ofSeconds(1), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new HistorySettings(1, Duration.ZERO, Set.of()));
    }

    @Test
    void latestValueStreamsAreReadFromACommaSeparatedList() {
        assertEquals(EnumSet.of(Stream.STATE, Stream.CONFIG), HistorySettings.streamsNamed(" state, config ,"));
        assertEquals(EnumSet.noneOf(Stream.class), HistorySettings.streamsNamed(" none "), "none turns a list off");
        var e = assertThrows(IllegalArgumentException.class, () -> HistorySettings.streamsNamed("state,video"));
        assertTrue(e.getMessage().contains("video"), e.getMessage());
    }

    @Test
    void livenessDefaultsToTheOriginalHeartbeatAndATwoSecondSlowConsumerLimit() {
        LivenessSettings liveness = GatewaySettings.defaults("v").liveness();
        assertEquals(Duration.ofSeconds(30), liveness.pingInterval());
        assertEquals(Duration.ofSeconds(60), liveness.idleTimeout());
        assertEquals(Duration.ofSeconds(2), liveness.slowConsumerTimeout());
    }

    @Test
    void livenessRejectsAnIdleTimeoutThatWouldCloseBeforeThePingAndPartSeconds() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LivenessSettings(
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("idleTimeout"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LivenessSettings(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> new LivenessSettings(
                Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}

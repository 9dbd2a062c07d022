package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

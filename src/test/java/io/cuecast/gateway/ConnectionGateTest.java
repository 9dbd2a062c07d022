package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionGateTest {
    private Instant now = Instant.parse("2026-11-25T18:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aNewLimitAppliesAtOnceAndCountsAgainUnderIt() {
        ConnectionGate gate = new ConnectionGate(1, Set.of("*"), clock);
        assertTrue(gate.admit("10.0.0.1", null).isEmpty());
        assertTrue(gate.admit("10.0.0.1", null).isPresent());

        gate.setConnectionsPerMinute(2);
        assertTrue(gate.admit("10.0.0.1", null).isEmpty());
        assertTrue(gate.admit("10.0.0.1", null).isEmpty());
        assertTrue(gate.admit("10.0.0.1", null).orElseThrow().reason().contains("at most 2"));
    }

    @Test
    void limitsNewConnectionsPerAddressPerMinuteAndRecovers() {
        ConnectionGate gate = new ConnectionGate(2, Set.of("*"), clock);
        assertTrue(gate.admit("10.0.0.1", null).isEmpty());
        assertTrue(gate.admit("10.0.0.1", null).isEmpty());
        ConnectionGate.Refusal refusal = gate.admit("10.0.0.1", null).orElseThrow();
        assertEquals(1008, refusal.code());
        assertTrue(refusal.reason().startsWith("Rate limit exceeded"), refusal.reason());
        assertTrue(gate.admit("10.0.0.2", null).isEmpty(), "other addresses are not affected");
        now = now.plus(Duration.ofMinutes(1));
        assertTrue(gate.admit("10.0.0.1", null).isEmpty(), "the window moved on");
    }

    @Test
    void anAllowListRefusesOtherBrowserOriginsButNotNonBrowsers() {
        ConnectionGate gate = new ConnectionGate(100, Set.of("http://viewer.local:8080/"), clock);
        assertTrue(gate.admit("a", "http://VIEWER.local:8080").isEmpty());
        assertTrue(gate.admit("a", null).isEmpty(), "no Origin: not a browser");
        ConnectionGate.Refusal refusal = gate.admit("a", "https://evil.example").orElseThrow();
        assertEquals("origin 'https://evil.example' is not allowed", refusal.reason());
    }

    @Test
    void forgetsIdleAddressesSoMemoryStaysBounded() {
        ConnectionGate gate = new ConnectionGate(5, Set.of(), clock);
        for (int i = 0; i < 1000; i++) {
            gate.admit("10.1." + (i / 256) + "." + (i % 256), null);
        }
        now = now.plus(Duration.ofMinutes(2));
        for (int i = 0; i < 100; i++) {
            gate.admit("192.168.0.1", null);
        }
        assertTrue(gate.trackedAddresses() < 10, "tracked " + gate.trackedAddresses());
    }
}

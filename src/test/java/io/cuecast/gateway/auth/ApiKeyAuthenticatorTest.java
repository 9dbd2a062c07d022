package io.cuecast.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.config.ConfigException;
import io.cuecast.gateway.Stream;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
    private static final String KEY = "api-keys";
    private static final String SCOREBOARD_KEY = "sb-0123456789abcdef";
    private static final String OPS_KEY = "ops-fedcba9876543210";

    private final ApiKeyAuthenticator keys = ApiKeyAuthenticator.parse(KEY,
            "scoreboard:" + SCOREBOARD_KEY + ":state, events ; ops:" + OPS_KEY + ":*:admin;");

    @Test
    void aKnownKeyIsItsNamedPrincipalWithItsStreamsAndRole() throws Exception {
        Principal scoreboard = keys.authenticate(SCOREBOARD_KEY);
        assertEquals("scoreboard", scoreboard.subject());
        assertEquals(EnumSet.of(Stream.STATE, Stream.EVENTS), scoreboard.streams());
        assertFalse(scoreboard.admin());

        Principal ops = keys.authenticate(OPS_KEY);
        assertEquals(EnumSet.allOf(Stream.class), ops.streams());
        assertTrue(ops.admin());
        assertTrue(keys.required());
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertEquals("unknown API key",
                assertThrows(AuthenticationException.class, () -> keys.authenticate(SCOREBOARD_KEY + "x")).getMessage());
        assertThrows(AuthenticationException.class, () -> keys.authenticate(""));
    }

    @Test
    void badConfigurationIsAConfigExceptionThatNeverQuotesAKey() {
        assertBad("", "config key 'api-keys' lists no key; API-key mode needs at least one NAME:KEY:STREAMS entry");
        assertBad("scoreboard:" + SCOREBOARD_KEY,
                "config key 'api-keys', entry 1 must be NAME:KEY:STREAMS or NAME:KEY:STREAMS:admin");
        assertBad("scoreboard:short:state", "config key 'api-keys', entry 1 (scoreboard) has a key that is not at"
                + " least 16 of the characters A-Z a-z 0-9 . _ ~ -");
        assertBad("score board:" + SCOREBOARD_KEY + ":state",
                "config key 'api-keys', entry 1 has the name 'score board'; a name is letters, digits and . _ @ -");
        assertBad("scoreboard:" + SCOREBOARD_KEY + ":state,video", "config key 'api-keys', entry 1 (scoreboard)"
                + " names unknown stream(s) video; streams are frame, state, trajectory, events, alert, config,"
                + " metrics or * for all");
        assertBad("scoreboard:" + SCOREBOARD_KEY + ":state:root",
                "config key 'api-keys', entry 1 (scoreboard) ends in 'root'; the only role is admin");
        assertBad("a:" + SCOREBOARD_KEY + ":state;a:" + OPS_KEY + ":state",
                "config key 'api-keys', entry 2 repeats the name 'a'");
        assertBad("a:" + SCOREBOARD_KEY + ":state;b:" + SCOREBOARD_KEY + ":state",
                "config key 'api-keys', entry 2 (b) repeats the key of an earlier entry");
    }

    private static void assertBad(String entries, String message) {
        ConfigException bad = assertThrows(ConfigException.class, () -> ApiKeyAuthenticator.parse(KEY, entries));
        assertEquals(message, bad.getMessage());
    }
}

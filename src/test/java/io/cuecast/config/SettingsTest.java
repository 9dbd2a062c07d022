package io.cuecast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final Settings settings = new Settings(key -> Optional.ofNullable(Map.of(
            "fps", "25", "bad", "fast", "big", "1000", "flag", "yes", "blank", "  ").get(key)));

    @Test
    void readsTypedValuesAndFallsBackWhenMissingOrBlank() {
        assertEquals(25, settings.integer("fps", 30, 1, 240));
        assertEquals(30, settings.integer("missing", 30, 1, 240));
        assertEquals(7.5, settings.decimal("blank", 7.5, 0, 10));
        assertTrue(settings.bool("flag", false));
    }

    @Test
    void rejectsBadValuesNamingTheKeyAndTheRule() {
        ConfigException notNumber = assertThrows(ConfigException.class, () -> settings.integer("bad", 1, 1, 10));
        assertEquals("config key 'bad' is 'fast', but must be a whole number from 1 to 10", notNumber.getMessage());
        ConfigException outOfRange = assertThrows(ConfigException.class, () -> settings.decimal("big", 1, 0, 240));
        assertTrue(outOfRange.getMessage().contains("'big'"), outOfRange.getMessage());
        assertThrows(ConfigException.class, () -> settings.bool("bad", true));
    }

    @Test
    void parsedValuesReportTheParsersReasonAgainstTheKey() {
        assertEquals(Integer.valueOf(25), settings.parsed("fps", "1", Integer::parseInt));
        ConfigException bad = assertThrows(ConfigException.class,
                () -> settings.parsed("bad", "x", io.cuecast.table.TableSpec::named));
        assertTrue(bad.getMessage().startsWith("config key 'bad' is 'fast': unknown table size 'fast'"), bad.getMessage());
    }
}

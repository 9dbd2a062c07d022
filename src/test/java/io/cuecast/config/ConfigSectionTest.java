package io.cuecast.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigSectionTest {
    private final Map<String, String> file = new HashMap<>(Map.of("cuecast.demo.rate-hz", "30"));
    private final List<ConfigSection.Values> applied = new ArrayList<>();
    private ConfigSection section;

    @BeforeEach
    void setUp() {
        section = new ConfigSection("demo", "cuecast.demo.", List.of(
                LiveSetting.decimal("rate-hz", 10, 0.1, 240),
                LiveSetting.wholeNumber("frames", 5, 0, 100)),
                new Settings(key -> Optional.ofNullable(file.get(key))));
        section.onChange(applied::add);
    }

    @Test
    void startsFromTheFileAndTheDefaults() {
        assertEquals(Map.of("rate-hz", 30.0, "frames", 5), section.values());
        assertEquals(30.0, section.current().decimal("rate-hz"));
    }

    @Test
    void appliesAChangeAndSummarisesOnlyWhatChanged() {
        ConfigChange change = section.update(Map.of("rate-hz", 15, "frames", "5"));

        assertEquals("demo", change.section());
        assertEquals(Map.of("rate-hz", 15.0, "frames", 5), change.config());
        assertEquals(Map.of("rate-hz", Map.of("old", 30.0, "new", 15.0)), change.changeSummary());
        assertEquals(15.0, applied.get(0).decimal("rate-hz"));
        assertEquals(5, applied.get(0).wholeNumber("frames"));
    }

    @Test
    void refusesTheWholeChangeListingEveryProblem() {
        ConfigChangeRejected rejected = assertThrows(ConfigChangeRejected.class,
                () -> section.update(Map.of("rate-hz", 15, "frames", 2.5, "speed", 1)));

        assertEquals(2, rejected.problems().size(), rejected.problems().toString());
        assertTrue(rejected.getMessage().contains("no live key 'speed'; its keys are [rate-hz, frames]"),
                rejected.getMessage());
        assertTrue(rejected.getMessage().contains("'cuecast.demo.frames'") && rejected.getMessage().contains("2.5"),
                rejected.getMessage());
        assertEquals(30.0, section.values().get("rate-hz"), "the good part was not applied either");
        assertTrue(applied.isEmpty());
    }

    @Test
    void refusesValuesOutOfRangeOrNotNumbersAsTheConfigFileWould() {
        assertThrows(ConfigChangeRejected.class, () -> section.update(Map.of("rate-hz", 1000)));
        assertThrows(ConfigChangeRejected.class, () -> section.update(Map.of("rate-hz", "fast")));
        assertThrows(ConfigChangeRejected.class, () -> section.update(Map.of()));
        assertEquals(30.0, section.values().get("rate-hz"));
    }

    @Test
    void aBadStartUpValueFailsWithTheKeyNamed() {
        file.put("cuecast.demo.frames", "-1");
        ConfigException bad = assertThrows(ConfigException.class, this::setUp);
        assertTrue(bad.getMessage().contains("cuecast.demo.frames"), bad.getMessage());
    }

    @Test
    void anUnknownSectionIsReported() {
        LiveConfig config = new LiveConfig(List.of(section));
        assertThrows(java.util.NoSuchElementException.class, () -> config.update("video", Map.of("fps", 1)));
        assertEquals(List.of("demo"), config.sectionNames());
    }
}

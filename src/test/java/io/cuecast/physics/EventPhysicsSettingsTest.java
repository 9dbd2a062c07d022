package io.cuecast.physics;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventPhysicsSettingsTest {

    private static Settings config(Map<String, String> values) {
        return new Settings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void emptyKeysTakeTheDefaultsOfTheTableSize() {
        assertEquals(EventPhysicsSettings.POOL, EventPhysicsSettings.fromSettings(config(Map.of()), TableSpec.POOL_9FT));
        assertEquals(EventPhysicsSettings.POOL, EventPhysicsSettings.fromSettings(
                config(Map.of("cuecast.physics.ball-friction", " ")), TableSpec.POOL_7FT));
        assertEquals(EventPhysicsSettings.SNOOKER,
                EventPhysicsSettings.fromSettings(config(Map.of()), TableSpec.SNOOKER_12FT));
    }

    @Test
    void readsEveryKey() {
        EventPhysicsSettings read = EventPhysicsSettings.fromSettings(config(Map.ofEntries(
                Map.entry("cuecast.physics.ball-mass-kg", "0.16"),
                Map.entry("cuecast.physics.ball-diameter-mm", "57"),
                Map.entry("cuecast.physics.sliding-friction", "0.25"),
                Map.entry("cuecast.physics.rolling-resistance", "0.012"),
                Map.entry("cuecast.physics.spin-deceleration-rad-s2", "12"),
                Map.entry("cuecast.physics.ball-restitution", "0.93"),
                Map.entry("cuecast.physics.ball-friction", "0.05"),
                Map.entry("cuecast.physics.cushion-restitution", "0.8"),
                Map.entry("cuecast.physics.cushion-friction", "0.15"),
                Map.entry("cuecast.physics.corner-pocket.mouth-mm", "114"),
                Map.entry("cuecast.physics.corner-pocket.jaw-angle-deg", "141"),
                Map.entry("cuecast.physics.corner-pocket.shelf-mm", "30"),
                Map.entry("cuecast.physics.side-pocket.mouth-mm", "130"),
                Map.entry("cuecast.physics.side-pocket.jaw-angle-deg", "103"),
                Map.entry("cuecast.physics.side-pocket.shelf-mm", "8"))), TableSpec.POOL_9FT);

        assertEquals(new EventPhysicsSettings(0.16, 28.5, 0.25, 0.012, 12, 0.93, 0.05, 0.8, 0.15,
                new PocketShape(114, 141, 30), new PocketShape(130, 103, 8)), read);
    }

    @Test
    void aValueOutOfRangeNamesItsKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> EventPhysicsSettings.fromSettings(
                config(Map.of("cuecast.physics.ball-restitution", "1.2")), TableSpec.POOL_9FT));
        assertEquals("config key 'cuecast.physics.ball-restitution' is '1.2', but must be a value from 0.0 to 1.0",
                e.getMessage());
        ConfigException notNumber = assertThrows(ConfigException.class, () -> EventPhysicsSettings.fromSettings(
                config(Map.of("cuecast.physics.sliding-friction", "rough")), TableSpec.POOL_9FT));
        assertTrue(notNumber.getMessage().contains("'cuecast.physics.sliding-friction'"), notNumber.getMessage());
    }

    @Test
    void aPocketNoBallFitsThroughIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> EventPhysicsSettings.fromSettings(
                config(Map.of("cuecast.physics.side-pocket.mouth-mm", "50")), TableSpec.POOL_9FT));
        assertTrue(e.getMessage().startsWith("config keys 'cuecast.physics.*' do not fit together: the side pocket"
                + " lets no ball through"), e.getMessage());
    }
}

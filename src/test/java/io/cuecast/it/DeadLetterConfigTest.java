package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.Cuecast;
import io.cuecast.LaunchOptions;
import io.cuecast.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad dead-letter, ack and server settings stop start-up with one message naming the key. */
class DeadLetterConfigTest {

    @TempDir
    Path dir;

    private ConfigException startWith(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--port";
        args[1] = String.valueOf(AvailablePortFinder.getNextAvailable());
        System.arraycopy(settings, 0, args, 2, settings.length);
        Exception failure = assertThrows(Exception.class, () -> Cuecast.newMain(LaunchOptions.parse(args)).run());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException config) {
                return config;
            }
        }
        throw new AssertionError("not a configuration error", failure);
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        String store = "--cuecast.dead-letters.dir=" + dir;
        assertEquals("config key 'cuecast.dead-letters.max-redeliveries' is '11', but must be a value from 0 to 10",
                startWith(store, "--cuecast.dead-letters.max-redeliveries=11").getMessage());
        assertEquals("config key 'cuecast.http.event-loops' is '0', but must be a value from 1 to 1024",
                startWith(store, "--cuecast.http.event-loops=0").getMessage());
        assertEquals("config key 'cuecast.gateway.ack.streams' is 'alerts': unknown stream 'alerts'; streams are "
                        + "frame, state, trajectory, events, alert, config, metrics",
                startWith(store, "--cuecast.gateway.ack.streams=alerts").getMessage());
        assertEquals("config key 'cuecast.gateway.ack.max-deliveries' is '0', but must be a value from 1 to 100",
                startWith(store, "--cuecast.gateway.ack.max-deliveries=0").getMessage());

        // Read after the store is opened: the failed start must still let go of the store's folder.
        assertEquals("config key 'cuecast.gateway.max-queued-bytes' is '1', but must be a value from 4096 to 268435456",
                startWith(store, "--cuecast.gateway.max-queued-bytes=1").getMessage());
        assertEquals("config key 'cuecast.dead-letters.max-redeliveries' is '-1', but must be a value from 0 to 10",
                startWith(store, "--cuecast.dead-letters.max-redeliveries=-1").getMessage(),
                "not 'another process is using the dead-letter store'");

        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        ConfigException unusable = startWith("--cuecast.dead-letters.dir=" + notAFolder);
        assertNotNull(unusable.getMessage());
        assertTrue(unusable.getMessage().startsWith("config key 'cuecast.dead-letters.dir' is '" + notAFolder
                + "': cannot open the dead-letter store"), unusable.getMessage());
    }
}

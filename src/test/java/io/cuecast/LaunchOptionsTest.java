package io.cuecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void portConfigAndKeyOverrides() {
        LaunchOptions options = LaunchOptions.parse("run", "--port", "9001", "--config", "config",
                "--cuecast.camera.fps=15");
        assertEquals(Path.of("config", "application.properties"), options.propertiesFile());
        assertEquals(Map.of("camel.server.port", "9001", "cuecast.camera.fps", "15"), options.overrides());
    }

    @Test
    void defaultsToTheConfigFolderAndNoOverrides() {
        LaunchOptions options = LaunchOptions.parse();
        assertEquals(Path.of("config"), options.configDir());
        assertTrue(options.overrides().isEmpty());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("port must be a number from 1 to 65535, not 'x'",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--port", "x")).getMessage());
        assertEquals("--port needs a value",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--port")).getMessage());
        assertEquals("unknown argument 'serve'",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("serve")).getMessage());
        assertEquals("config folder 'nowhere' does not exist",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("--config", "nowhere")).getMessage());
    }
}

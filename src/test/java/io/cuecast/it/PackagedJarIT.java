package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: {@code java -jar target/cuecast.jar --port N}, in its own
 * process. Catches what the test classpath hides, such as a Camel component missing from the jar.
 */
class PackagedJarIT {

    @Test
    void theJarStartsWithItsConfigFolderEnvironmentAndPortAndServes(@TempDir Path configDir, @TempDir Path deadLetters)
            throws Exception {
        assertTrue(Files.exists(RunningJar.JAR), "mvn package builds target/cuecast.jar");
        String properties = Files.readString(Path.of("config", "application.properties"))
                .replace("cuecast.simulator.seed = 42", "cuecast.simulator.seed = 5");
        Files.writeString(configDir.resolve("application.properties"), properties);
        int port = AvailablePortFinder.getNextAvailable();
        try (RunningJar jar = RunningJar.start(port, environment -> environment.put("CUECAST_CAMERA_FPS", "20"),
                "--config", configDir.toString(), "--cuecast.dead-letters.dir=" + deadLetters)) {
            JsonNode health = jar.awaitHealth();
            assertEquals("0.1.0-SNAPSHOT", health.path("version").asText());
            assertEquals("simulated 9ft-pool table, seed 5, 1280x720 @ 20 fps",
                    health.path("components").path("camera").path("source").asText(),
                    "the seed comes from --config's folder, the frame rate from the environment");
            try (WsClient client = WsClient.connect(URI.create("ws://localhost:" + port + "/api/v1/ws"))) {
                client.nextOfType("connection", Duration.ofSeconds(10));
                client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}");
                client.nextOfType("subscribed", Duration.ofSeconds(10));
                JsonNode state = client.nextOfType("state", Duration.ofSeconds(30));
                assertTrue(state.path("data").path("balls").size() > 0, state.toString());
            }
            Process command = new ProcessBuilder(RunningJar.javaBinary(), "-jar", RunningJar.JAR.toString(),
                    "dead-letters", "list", "--url", "http://localhost:" + port).redirectErrorStream(true).start();
            String listed = new String(command.getInputStream().readAllBytes());
            assertEquals(0, command.waitFor(), listed);
            assertEquals(0, new ObjectMapper().readTree(listed).path("count").asInt(), "the jar's dead-letters command");
        }
    }
}

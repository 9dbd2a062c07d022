package io.cuecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code java -jar target/cuecast.jar ...} in its own process, as a user runs it, on a given port. */
final class RunningJar implements AutoCloseable {
    static final Path JAR = Path.of("target", "cuecast.jar");
    private final Process process;
    private final Path log;
    final int port;

    private RunningJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code java -jar cuecast.jar run --port PORT ARGS...}; {@code environment} may add variables. */
    static RunningJar start(int port, Consumer<Map<String, String>> environment, String... args)
            throws IOException {
        Path log = Files.createTempFile("cuecast-jar", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString(), "run",
                "--port", String.valueOf(port)));
        command.addAll(List.of(args));
        ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.accept(launch.environment());
        return new RunningJar(launch.start(), log, port);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI http(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A fresh JVM loads the whole jar and compiles as it starts: on a loaded 2-core machine that took over 60 s. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    /** Waits for a healthy answer from /api/v1/health and returns it; fails with the log if the jar exits. */
    JsonNode awaitHealth() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(http("/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new ObjectMapper().readTree(response.body());
                }
            } catch (IOException notYetListening) {
                // the server is still starting
            }
            Thread.sleep(200); // polling interval while the process boots
        }
        throw new AssertionError("no healthy answer within " + START_TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
    }

    /** {@code kill -9}: no shutdown hooks, nothing flushed that was not already. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

package io.cuecast.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.test.AvailablePortFinder;

/**
 * A Kafka broker of one test's own (.ci/kafka.sh with KAFKA_WORK and KAFKA_PORT), beside the shared
 * one that .ci/run starts for the other tests: a test that kills and restarts its broker must not
 * take the others' down with it. Ports are free ones, the work folder is the test's.
 */
final class OwnKafkaBroker implements AutoCloseable {
    private static final Path SCRIPT = Path.of(".ci", "kafka.sh");
    /** The first start may fetch the broker from Maven Central; a restart replays its logs. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 180;
    private final Path work;
    private final int port;

    private OwnKafkaBroker(Path work, int port) {
        this.work = work;
        this.port = port;
    }

    /** Formats fresh storage in {@code work} and starts the broker on it. */
    static OwnKafkaBroker start(Path work) throws Exception {
        OwnKafkaBroker broker = new OwnKafkaBroker(work, freePortPair());
        broker.run("start");
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** kill -9: the broker dies at once, its data stays as it was on disk. */
    void kill() throws Exception {
        run("kill");
    }

    /** Starts it again on the same storage and port, and waits until it accepts connections. */
    void restart() throws Exception {
        run("restart");
    }

    /** Stops it and deletes its data; harmless when it is not running. */
    @Override
    public void close() throws Exception {
        run("stop");
    }

    /** A free port whose next one (the controller's) is free too. */
    private static int freePortPair() {
        while (true) {
            int port = AvailablePortFinder.getNextAvailable();
            try {
                AvailablePortFinder.getNextAvailable(port + 1, port + 1);
                return port;
            } catch (IllegalStateException controllerPortTaken) {
                // try another pair
            }
        }
    }

    private void run(String command) throws Exception {
        Path errors = Files.createTempFile("kafka-sh", ".err");
        try {
            ProcessBuilder script = new ProcessBuilder("bash", SCRIPT.toString(), command)
                    .redirectError(errors.toFile());
            script.environment().put("KAFKA_WORK", work.toAbsolutePath().toString());
            script.environment().put("KAFKA_PORT", String.valueOf(port));
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(".ci/kafka.sh " + command + " took over " + SCRIPT_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(".ci/kafka.sh " + command + " failed with " + process.exitValue() + ": "
                        + Files.readString(errors) + brokerLog());
            }
            if ((command.equals("start") || command.equals("restart")) && !output.equals(bootstrapServers())) {
                throw new AssertionError(".ci/kafka.sh " + command + " printed '" + output + "', not "
                        + bootstrapServers());
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private String brokerLog() throws IOException {
        Path log = work.resolve("broker.log");
        return Files.exists(log) ? "\nbroker.log:\n" + Files.readString(log) : "";
    }
}

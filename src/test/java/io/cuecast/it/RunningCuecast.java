package io.cuecast.it;

import io.cuecast.Cuecast;
import io.cuecast.LaunchOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;

/**
 * Cuecast started in this JVM exactly as {@code java -jar cuecast.jar} starts it (the same
 * launcher, config folder and YAML routes), on a free port.
 */
public final class RunningCuecast implements AutoCloseable {
    public static final String DEAD_LETTERS_DIR = "cuecast.dead-letters.dir";
    private final Main main;
    private final Thread runner;
    public final int port;

    private RunningCuecast(Main main, Thread runner, int port) {
        this.main = main;
        this.runner = runner;
        this.port = port;
    }

    public static RunningCuecast start(String... extraArgs) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        // Tests open many connections from one address; ConnectionLimitsTest checks the limit itself.
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port),
                "--cuecast.gateway.connections-per-minute-per-ip=1000"));
        args.addAll(List.of(extraArgs));
        if (args.stream().noneMatch(arg -> arg.startsWith("--" + DEAD_LETTERS_DIR + "="))) {
            // Each run its own store, so that tests neither share dead letters nor write into the project.
            args.add("--" + DEAD_LETTERS_DIR + "=" + Files.createTempDirectory("cuecast-dead-letters"));
        }
        Main main = Cuecast.newMain(LaunchOptions.parse(args.toArray(String[]::new)));
        Thread runner = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "cuecast-under-test");
        runner.setDaemon(true);
        runner.start();
        RunningCuecast app = new RunningCuecast(main, runner, port);
        app.awaitHttp(Duration.ofSeconds(60));
        return app;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public URI http(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public URI ws(String path) {
        return URI.create("ws://localhost:" + port + path);
    }

    private void awaitHttp(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(http("/api/v1/health")).timeout(Duration.ofSeconds(2)).build();
        // 503 is an honest health answer too (no camera, say): either means the server is serving.
        Await.until(() -> {
            if (!runner.isAlive()) {
                throw new IllegalStateException("Cuecast stopped while starting");
            }
            try {
                return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException notListeningYet) {
                return 0;
            }
        }, status -> status == 200 || status == 503, timeout, "/api/v1/health to answer");
        // Health answers as soon as its own route is up; the WebSocket routes may start a moment later.
        Await.until(() -> main.getCamelContext().getStatus(), ServiceStatus::isStarted, timeout,
                "every route to have started");
    }

    @Override
    public void close() throws Exception {
        main.completed();
        runner.join(Duration.ofSeconds(30).toMillis());
    }
}

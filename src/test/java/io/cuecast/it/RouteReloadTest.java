package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An integrator saves a route file and the running Cuecast takes it up, with no restart. */
class RouteReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anEditedRouteFileIsReloadedWhileWebSocketClientsStayConnected(@TempDir Path routes) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        try (RunningCuecast app = RunningCuecast.start(
                "--camel.main.routes-include-pattern=file:" + routes + "/*.camel.yaml",
                "--camel.main.routes-reload-directory=" + routes);
             WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.nextOfType("connection", WAIT);
            assertEquals(null, healthHeader(app));

            Path health = routes.resolve("health.camel.yaml");
            String edited = Files.readString(health).replace("      steps:\n", """
                          steps:
                            - setHeader:
                                name: X-Cuecast-Edited
                                constant: "yes"
                    """);
            Files.writeString(health, edited);

            Await.until(() -> healthHeader(app), "yes"::equals, WAIT, "the edited health route to answer");
            client.send("{\"type\":\"ping\"}");
            client.nextOfType("pong", WAIT);
        }
    }

    private String healthHeader(RunningCuecast app) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.http("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("X-Cuecast-Edited").orElse(null);
    }
}

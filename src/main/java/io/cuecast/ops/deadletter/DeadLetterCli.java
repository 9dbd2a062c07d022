package io.cuecast.ops.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code java -jar cuecast.jar dead-letters ...}: the dead-letter REST API from the command line. It
 * talks to a running Cuecast over HTTP (the store belongs to the server), at {@code --url}, or by
 * default at localhost on the port of {@code --config DIR}'s application.properties. Prints the
 * server's JSON answer; exits 0 on success, 1 when the server refused (its error on stderr), 2 on a
 * bad command line, 3 when the server cannot be reached.
 */
public final class DeadLetterCli {
    public static final String USAGE = """
            usage: java -jar cuecast.jar dead-letters COMMAND [--url URL] [--config DIR]
              list  [FILTER]            dead letters, oldest first (no bodies)
              show  ID                  one letter, body in base64
              replay ID... | FILTER     put letters back through their route (FILTER: the pending ones it selects)
              purge ID... | FILTER      mark letters purged (FILTER needs route, cause, status or since)
            FILTER: --route ROUTE --cause EXCEPTION --status pending|replayed|purged --since ISO-INSTANT --limit N
              --url URL       the running server (default http://localhost:PORT, PORT from the config)
              --token TOKEN   an admin's API key or JWT, when authentication is on (or set CUECAST_API_TOKEN)
              --config DIR    folder holding application.properties (default ./config)""";
    private static final String API = "/api/v1/dead-letters";
    /** Where the admin token may come from instead of --token, so that it stays out of the process list. */
    static final String TOKEN_VARIABLE = "CUECAST_API_TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Replaying many letters can take a while: each goes through its route. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** A parsed command line. */
    record Command(String action, List<String> ids, Map<String, String> filter, URI url, String token) {
    }

    private DeadLetterCli() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && List.of("--help", "-h", "help").contains(args.get(0))) {
            out.println(USAGE);
            return 0;
        }
        Command command;
        try {
            command = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cuecast dead-letters: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int exit = 0;
        for (HttpRequest request : requestsFor(command)) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                err.println("cuecast dead-letters: cannot reach Cuecast at " + command.url() + " (" + e
                        + "); is it running? Say where with --url.");
                return 3;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 3;
            }
            String body = pretty(response.body());
            if (response.statusCode() / 100 == 2) {
                out.println(body);
            } else {
                err.println("cuecast dead-letters: the server answered " + response.statusCode() + ": " + body);
                exit = 1;
            }
        }
        return exit;
    }

    static Command parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("a command is needed: list, show, replay or purge");
        }
        String action = args.get(0);
        if (!List.of("list", "show", "replay", "purge").contains(action)) {
            throw new IllegalArgumentException("unknown command '" + action + "'; commands are list, show, replay, purge");
        }
        List<String> ids = new ArrayList<>();
        Map<String, String> filter = new LinkedHashMap<>();
        String url = null;
        String token = System.getenv(TOKEN_VARIABLE);
        Path config = Path.of("config");
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                ids.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "url" -> url = value;
                case "token" -> token = value;
                case "config" -> config = Path.of(value);
                default -> {
                    if (!DeadLetterFilter.PARAMETERS.contains(name)) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    filter.put(name, value);
                }
            }
        }
        if (!filter.isEmpty()) {
            DeadLetterFilter.parse(filter); // the same checks as the server, before any request
        }
        switch (action) {
            case "list" -> requireNoIds(action, ids);
            case "show" -> {
                if (ids.size() != 1 || !filter.isEmpty()) {
                    throw new IllegalArgumentException("show takes exactly one ID and no filter");
                }
            }
            default -> {
                if (ids.isEmpty() == filter.isEmpty()) {
                    throw new IllegalArgumentException(action + " takes either IDs or a filter");
                }
            }
        }
        return new Command(action, List.copyOf(ids), Map.copyOf(filter), URI.create(url != null ? url
                : "http://localhost:" + portIn(config)), token);
    }

    private static void requireNoIds(String action, List<String> ids) {
        if (!ids.isEmpty()) {
            throw new IllegalArgumentException(action + " takes no IDs, only a filter");
        }
    }

    /** camel.server.port from the config folder's application.properties, else 8080. */
    private static String portIn(Path config) {
        Path file = config.resolve("application.properties");
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read '" + file + "': " + e.getMessage());
            }
        }
        return properties.getProperty("camel.server.port", "8080").trim();
    }

    /** One request, or one per ID for a purge of several letters. */
    private static List<HttpRequest> requestsFor(Command command) {
        String base = command.url().toString().replaceAll("/+$", "") + API;
        String query = command.filter().isEmpty() ? "" : "?" + command.filter().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (command.action().equals("purge") && !command.ids().isEmpty()) {
            return command.ids().stream().map(id -> authorized(HttpRequest.newBuilder(URI.create(base + "/" + encode(id)))
                    .DELETE(), command).timeout(TIMEOUT).build()).toList();
        }
        HttpRequest.Builder request = switch (command.action()) {
            case "list" -> HttpRequest.newBuilder(URI.create(base + query)).GET();
            case "show" -> HttpRequest.newBuilder(URI.create(base + "/" + encode(command.ids().get(0)))).GET();
            case "replay" -> HttpRequest.newBuilder(URI.create(base + "/replay" + query))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(command.ids().isEmpty() ? ""
                            : JSON.createObjectNode().set("ids", JSON.valueToTree(command.ids())).toString()));
            case "purge" -> HttpRequest.newBuilder(URI.create(base + query)).DELETE();
            default -> throw new IllegalStateException("unknown action " + command.action());
        };
        return List.of(authorized(request, command).timeout(TIMEOUT).build());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, Command command) {
        return command.token() == null ? request : request.header("Authorization", "Bearer " + command.token());
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String pretty(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            return body;
        }
    }
}

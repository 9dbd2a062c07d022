package io.cuecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** JSON over real HTTP to a running Cuecast: each call returns the status and the parsed body. */
final class JsonHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Function<String, URI> address;

    record Reply(int status, JsonNode body) {
    }

    JsonHttp(RunningCuecast app) {
        this(app::http);
    }

    private JsonHttp(Function<String, URI> address) {
        this.address = address;
    }

    /** To a Cuecast on this loopback port (a packaged jar's, say). */
    static JsonHttp onPort(int port) {
        return new JsonHttp(path -> URI.create("http://localhost:" + port + path));
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(address.apply(path)).GET());
    }

    /** A POST with this JSON body, or none when null. */
    Reply post(String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.apply(path));
        if (json == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String json) throws Exception {
        return withBody("PATCH", path, json);
    }

    Reply put(String path, String json) throws Exception {
        return withBody("PUT", path, json);
    }

    private Reply withBody(String method, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(address.apply(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(address.apply(path)).DELETE());
    }

    private Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }
}

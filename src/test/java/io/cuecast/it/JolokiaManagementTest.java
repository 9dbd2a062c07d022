package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JMX over HTTP as Hawtio uses it: Jolokia on the management port, reading and steering route MBeans. */
class JolokiaManagementTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMERA_ROUTE = "org.apache.camel:context=cuecast,type=routes,name=\"camera\"";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static RunningCuecast app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningCuecast.start();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static JsonNode jolokia(URI endpoint, Map<String, Object> request) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(200, body.path("status").asInt(), body.toString());
        return body.path("value");
    }

    private static JsonNode read(String attribute) throws Exception {
        return jolokia(app.http("/observe/jolokia"), Map.of("type", "read", "mbean", CAMERA_ROUTE, "attribute", attribute));
    }

    private static void exec(String operation) throws Exception {
        jolokia(app.http("/observe/jolokia"), Map.of("type", "exec", "mbean", CAMERA_ROUTE, "operation", operation));
    }

    @Test
    void aRouteMBeanIsReadAndTheRouteStoppedAndStartedThroughJolokia() throws Exception {
        Await.until(() -> read("ExchangesTotal").asLong(), n -> n > 0, WAIT, "the camera route to run");
        assertEquals("Started", read("State").asText());

        exec("stop()");
        assertEquals("Stopped", read("State").asText());
        Await.unchangedFor(() -> read("ExchangesTotal").asLong(), Duration.ofSeconds(1), "a stopped route's exchange count");

        long before = read("ExchangesTotal").asLong();
        exec("start()");
        assertEquals("Started", read("State").asText());
        Await.until(() -> read("ExchangesTotal").asLong(), n -> n > before, WAIT, "frames again after the start");
    }

    @Test
    void clientsFromOtherMachinesAreRefused() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        URI endpoint = URI.create("http://" + external.get().getHostAddress() + ":" + app.port + "/observe/jolokia");

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"" + CAMERA_ROUTE.replace("\"", "\\\"")
                        + "\",\"operation\":\"stop()\"}")).build(), HttpResponse.BodyHandlers.ofString());

        // Camel 4.17's Jolokia plugin reports the policy's refusal as a 500 (it does not unwrap the
        // SecurityException into a 403); the same request from loopback succeeds, as the other test shows.
        assertTrue(JSON.readTree(response.body()).path("status").asInt() >= 400, response.statusCode() + " " + response.body());
        assertEquals("Started", read("State").asText(), "the refused stop had no effect");
    }

    /** Calling our own non-loopback address makes us, to the server, a client from the network. */
    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}

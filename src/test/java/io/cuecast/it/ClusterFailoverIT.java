package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four packaged servers on loopback around the real broker (docs/SCALING.md): vision node A watches
 * table t1, vision node B table t2, and two gateway nodes serve both. A client of gateway B gets
 * each table's state from its own vision node; when gateway B is killed with kill -9, the client
 * resumes on gateway A and gets every state message it missed, in order, once each. Gateway A
 * keeps fewer messages in memory than the client missed, so what it replays is read back from Kafka.
 */
class ClusterFailoverIT {
    /** Four JVMs start on a shared 2-core machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How many messages the client is to miss while it has no gateway. */
    private static final int MISSED = 40;
    /** Gateway A's memory: shorter than what the client misses. */
    private static final int GATEWAY_A_HISTORY = 15;

    @TempDir
    Path stores;

    private final List<RunningJar> nodes = new ArrayList<>();
    private final Set<Integer> portsGiven = new HashSet<>();

    /**
     * A free port no other node of this test was given: a port stays free until its node binds it,
     * so the finder can hand the same one out twice (it did, and a vision node died on start-up
     * while the other answered its health checks).
     */
    private int freePort() {
        int port;
        do {
            port = AvailablePortFinder.getNextAvailable();
        } while (!portsGiven.add(port));
        return port;
    }

    private RunningJar node(String name, String roles, String tables, String kafka, String prefix, String... more)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                "--cuecast.node.roles=" + roles, "--cuecast.node.id=" + name, "--cuecast.tables=" + tables,
                "--cuecast.kafka.bootstrap-servers=" + kafka, "--cuecast.kafka.topic-prefix=" + prefix,
                "--cuecast.dead-letters.dir=" + stores.resolve(name),
                // Light frames: two simulated cameras share the machine with two gateways.
                "--cuecast.camera.fps=10", "--cuecast.camera.width=640", "--cuecast.camera.height=360",
                "--cuecast.camera.stale-after-seconds=60"));
        arguments.addAll(List.of(more));
        // C1 only: four JVMs start much sooner on a loaded 2-core machine.
        RunningJar node = RunningJar.start(freePort(),
                environment -> environment.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m"),
                arguments.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static WsClient subscribed(RunningJar gateway, String subscribe) throws InterruptedException {
        WsClient client = WsClient.connect(URI.create("ws://localhost:" + gateway.port + "/api/v1/ws"));
        client.nextOfType("connection", WAIT);
        client.send(subscribe);
        return client;
    }

    private static final String ALERTS_OF_T1 =
            "{\"type\":\"subscribe\",\"data\":{\"streams\":[\"alert\"],\"tables\":[\"t1\"]%s}}";
    private static final String ACK = "{\"type\":\"ack\",\"data\":{\"stream\":\"alert\",\"table_id\":\"t1\",\"sequence\":%d}}";

    /** An operator's alert for table t1, sent to its vision node; returns its sequence, as the client got it. */
    private long alertFromVisionA(WsClient client, String message) throws Exception {
        RunningJar visionA = nodes.get(0);
        int status = JsonHttp.onPort(visionA.port).post("/api/v1/websocket/broadcast/alert?level=warning&table_id=t1&message="
                + URLEncoder.encode(message, StandardCharsets.UTF_8), null).status();
        assertEquals(200, status, "the alert was accepted");
        return client.nextMatching(m -> m.path("type").asText().equals("alert")
                && m.path("data").path("message").asText().equals(message), WAIT, "the alert '" + message + "'")
                .path("sequence").asLong();
    }

    private static boolean stateOf(JsonNode message, String table) {
        return message.path("type").asText().equals("state") && message.path("table_id").asText().equals(table);
    }

    @Test
    void aClientResumesOnAnotherGatewayWithEveryStateMessageItMissedInOrderOnce() throws Exception {
        String kafka = KafkaForTests.bootstrapServers();
        String prefix = KafkaForTests.freshTopicPrefix();
        try {
            node("vision-a", "vision", "t1", kafka, prefix);
            node("vision-b", "vision", "t2", kafka, prefix);
            RunningJar gatewayA = node("gateway-a", "gateway", "t1,t2", kafka, prefix,
                    "--cuecast.gateway.history.size=" + GATEWAY_A_HISTORY);
            RunningJar gatewayB = node("gateway-b", "gateway", "t1,t2", kafka, prefix);
            for (RunningJar node : nodes) {
                node.awaitHealth();
            }

            // An alert the client acks on gateway B, and one it has not acked yet when B dies.
            WsClient alerts = subscribed(gatewayB, ALERTS_OF_T1.formatted(""));
            alerts.nextOfType("subscribed", WAIT);
            long acked = alertFromVisionA(alerts, "acked on gateway B");
            alerts.send(ACK.formatted(acked));
            alerts.nextOfType("acked", WAIT);
            long unacked = alertFromVisionA(alerts, "unacked when gateway B died");

            long lastSeen;
            try (WsClient client = subscribed(gatewayB, "{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"]}}")) {
                client.nextOfType("subscribed", WAIT);
                client.nextMatching(m -> stateOf(m, "t2"), WAIT, "table t2's state, from vision node B");
                List<Long> t1 = new ArrayList<>();
                while (t1.size() < 10) {
                    t1.add(client.nextMatching(m -> stateOf(m, "t1"), WAIT, "table t1's state, from vision node A")
                            .path("sequence").asLong());
                }
                // Each table is fed by its own vision node, as the tables API of a gateway tells.
                JsonNode tables = JsonHttp.onPort(gatewayB.port).get("/api/v1/tables").body();
                assertEquals("t1 UP [\"vision-a\"], t2 UP [\"vision-b\"]", describeTables(tables), tables.toString());
                gatewayB.kill();
                client.drain().stream().filter(m -> stateOf(m, "t1")).forEach(m -> t1.add(m.path("sequence").asLong()));
                assertConsecutive(t1, "live on gateway B");
                lastSeen = t1.get(t1.size() - 1);
            }

            try (WsClient watcher = subscribed(gatewayA,
                    "{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"],\"tables\":[\"t1\"]}}")) {
                watcher.nextMatching(m -> stateOf(m, "t1") && m.path("sequence").asLong() >= lastSeen + MISSED,
                        WAIT, MISSED + " more of t1's states published while the client had no gateway");
            }

            try (WsClient client = subscribed(gatewayA, "{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\"],"
                    + "\"tables\":[\"t1\"],\"resume\":{\"state\":" + lastSeen + "}}}")) {
                JsonNode reply = client.nextOfType("subscribed", WAIT);
                assertTrue(reply.path("data").path("recovered").path("state").asBoolean(),
                        "gateway A reads what its memory no longer holds, after " + lastSeen + ", back from Kafka: " + reply);
                List<Long> resumed = new ArrayList<>();
                for (JsonNode message : client.collect("state", MISSED + 5, WAIT)) {
                    assertEquals("t1", message.path("table_id").asText());
                    resumed.add(message.path("sequence").asLong());
                }
                assertEquals(lastSeen + 1, resumed.get(0), "the first message after the last one seen on gateway B");
                assertConsecutive(resumed, "replayed, then live, on gateway A");
            }
            alerts.close();

            // Resumed from the last alert it acked: the unacked one comes again with its own sequence,
            // and gateway A, the client's gateway now, awaits its ack.
            try (WsClient resumed = subscribed(gatewayA, ALERTS_OF_T1.formatted(",\"resume\":{\"alert\":" + acked + "}"))) {
                JsonNode reply = resumed.nextOfType("subscribed", WAIT);
                assertTrue(reply.path("data").path("recovered").path("alert").asBoolean(), reply.toString());
                JsonNode again = resumed.nextOfType("alert", WAIT);
                assertEquals(unacked, again.path("sequence").asLong(), again.toString());
                assertEquals("unacked when gateway B died", again.path("data").path("message").asText());
                resumed.send("{\"type\":\"get_status\"}");
                assertEquals(1, resumed.nextOfType("status", WAIT).path("data").path("pending_acks").asInt());
                resumed.send(ACK.formatted(unacked));
                JsonNode settled = resumed.nextOfType("acked", WAIT);
                assertEquals(0, settled.path("data").path("pending").asInt(), settled.toString());
                assertEquals(List.of(), resumed.drain().stream().filter(m -> m.path("type").asText().equals("alert"))
                        .toList(), "each alert once: nothing sent again as new");
            }
            JsonNode deadLetters = JsonHttp.onPort(gatewayA.port).get("/api/v1/dead-letters").body();
            assertEquals(0, deadLetters.path("dead_letters").size(), deadLetters.toString());
        } finally {
            for (RunningJar node : nodes) {
                node.kill();
            }
        }
    }

    private static String describeTables(JsonNode tables) {
        List<String> described = new ArrayList<>();
        tables.forEach(table -> described.add(table.path("table_id").asText() + " " + table.path("status").asText() + " "
                + table.path("vision_nodes")));
        return String.join(", ", described);
    }

    private static void assertConsecutive(List<Long> sequences, String what) {
        for (int i = 1; i < sequences.size(); i++) {
            assertEquals(sequences.get(i - 1) + 1, sequences.get(i), what + ": no gap and no repeat in " + sequences);
        }
    }
}

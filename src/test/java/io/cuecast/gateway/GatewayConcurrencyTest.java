package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients subscribe, unsubscribe and come and go on their own threads (one per connection, like
 * an event loop) while two pipeline threads publish.
 */
class GatewayConcurrencyTest {

    private static final int PUBLISHES_PER_STREAM = 400;
    private static final int CHURN_ROUNDS = 150;

    /** No latest value on subscribe: every stream message a client gets is then one a publish counted. */
    private final Gateway gateway = new Gateway(new GatewaySettings(64 * 1024, 1_000_000, "v",
            new HistorySettings(HistorySettings.DEFAULT_SIZE, HistorySettings.DEFAULT_MAX_AGE, Set.of())));

    @Test
    void registryAndDeliveriesStayConsistentUnderConcurrency() throws Exception {
        List<TestClient> churners = List.of(
                new TestClient(gateway, "churn-0"), new TestClient(gateway, "churn-1"), new TestClient(gateway, "churn-2"));
        List<TestClient> visitors = new ArrayList<>();

        List<Callable<Integer>> tasks = new ArrayList<>();
        for (TestClient client : churners) {
            tasks.add(() -> {
                for (int round = 0; round < CHURN_ROUNDS; round++) {
                    client.send("{'type':'subscribe','data':{'streams':['state','trajectory']}}");
                    client.send("{'type':'unsubscribe','data':{'streams':['state']}}");
                    client.send("{'type':'subscribe','data':{'streams':['state']}}");
                    client.send("{'type':'unsubscribe','data':{'streams':['trajectory']}}");
                }
                return 0;
            });
        }
        tasks.add(() -> {
            for (int i = 0; i < CHURN_ROUNDS; i++) {
                TestClient visitor = new TestClient(gateway, "visitor-" + i);
                visitors.add(visitor);
                visitor.send("{'type':'subscribe','data':{'streams':['state','trajectory']}}");
                gateway.disconnect(visitor.key);
            }
            return 0;
        });
        for (Stream stream : List.of(Stream.STATE, Stream.TRAJECTORY)) {
            tasks.add(() -> {
                int delivered = 0;
                for (int i = 0; i < PUBLISHES_PER_STREAM; i++) {
                    delivered += gateway.publish(stream, Map.of("i", i)).recipients();
                }
                return delivered;
            });
        }

        int delivered = runTogether(tasks);

        Set<ClientSession> churnSessions = new HashSet<>();
        churners.forEach(c -> churnSessions.add(c.session));
        assertEquals(churnSessions, gateway.subscriptions().subscribersOf(Stream.STATE));
        assertEquals(Set.of(), gateway.subscriptions().subscribersOf(Stream.TRAJECTORY));
        assertEquals(3, gateway.connectionCount());
        assertEquals((long) PUBLISHES_PER_STREAM, gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.STATE));
        assertEquals((long) PUBLISHES_PER_STREAM, gateway.snapshot().lastSequences().get(Tables.DEFAULT_ID).get(Stream.TRAJECTORY));

        int received = 0;
        for (TestClient client : churners) {
            received += assertDeliveriesMatchSubscriptions(client);
        }
        for (TestClient client : visitors) {
            received += assertDeliveriesMatchSubscriptions(client);
        }
        assertEquals(delivered, received, "every message the publishers handed out reached a channel");
    }

    /**
     * Replays what the client saw: stream messages only while the replies say it is subscribed,
     * and per stream in increasing sequence.
     *
     * @return how many stream messages it received
     */
    private static int assertDeliveriesMatchSubscriptions(TestClient client) {
        Set<String> subscribed = new HashSet<>();
        Map<Stream, Long> lastSequence = new EnumMap<>(Stream.class);
        int streamMessages = 0;
        for (JsonNode message : client.received()) {
            String type = message.get("type").asText();
            if (type.equals("subscribed") || type.equals("unsubscribed")) {
                subscribed.clear();
                message.at("/data/all_subscriptions").forEach(name -> subscribed.add(name.asText()));
            } else if (Stream.fromWireName(type).isPresent()) {
                Stream stream = Stream.fromWireName(type).get();
                assertTrue(subscribed.contains(type), client.key + " got " + type + " while not subscribed");
                long sequence = message.get("sequence").asLong();
                assertTrue(sequence > lastSequence.getOrDefault(stream, 0L), client.key + " got sequences out of order");
                lastSequence.put(stream, sequence);
                streamMessages++;
            } else {
                assertEquals("connection", type, message.toString());
            }
        }
        return streamMessages;
    }

    private static int runTogether(List<Callable<Integer>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            int total = 0;
            for (Future<Integer> future : futures) {
                total += future.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}

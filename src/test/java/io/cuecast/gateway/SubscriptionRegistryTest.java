package io.cuecast.gateway;

import static io.cuecast.gateway.Stream.ALERT;
import static io.cuecast.gateway.Stream.FRAME;
import static io.cuecast.gateway.Stream.STATE;
import static io.cuecast.gateway.Stream.TRAJECTORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubscriptionRegistryTest {

    private static final List<String> MAIN = List.of(Tables.DEFAULT_ID);
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final ClientSession alice = registered("alice");
    private final ClientSession bob = registered("bob");

    @Test
    void subscribeReturnsOnlyNewlyAddedStreamsInRequestOrder() {
        assertEquals(List.of(TRAJECTORY, STATE), registry.subscribe(alice, List.of(TRAJECTORY, STATE, TRAJECTORY), MAIN));
        assertEquals(List.of(ALERT), registry.subscribe(alice, List.of(STATE, ALERT), MAIN));
        assertEquals(Set.of(STATE, TRAJECTORY, ALERT), registry.streamsOf(alice));
    }

    @Test
    void unsubscribeReturnsOnlyStreamsThatWereSubscribed() {
        registry.subscribe(alice, List.of(STATE, TRAJECTORY), MAIN);

        assertEquals(List.of(STATE), registry.unsubscribe(alice, List.of(FRAME, STATE), List.of()));
        assertEquals(Set.of(TRAJECTORY), registry.streamsOf(alice));
        assertEquals(Set.of(), registry.subscribersOf(STATE));
    }

    @Test
    void subscribersAndStreamsAreTwoViewsOfTheSameFacts() {
        registry.subscribe(alice, List.of(STATE, TRAJECTORY), MAIN);
        registry.subscribe(bob, List.of(STATE), MAIN);

        assertEquals(Set.of(alice, bob), registry.subscribersOf(STATE));
        assertEquals(Set.of(alice), registry.subscribersOf(TRAJECTORY));
        assertEquals(2, registry.subscriberCounts().get(STATE));
        assertEquals(0, registry.subscriberCounts().get(FRAME));
        assertEquals(Stream.values().length, registry.subscriberCounts().size());
    }

    @Test
    void removingAClientRemovesAllItsSubscriptions() {
        registry.subscribe(alice, List.of(STATE, TRAJECTORY, ALERT), MAIN);
        registry.subscribe(bob, List.of(STATE), MAIN);

        registry.remove(alice);

        assertFalse(registry.isRegistered(alice));
        assertEquals(Set.of(), registry.streamsOf(alice));
        assertEquals(Set.of(bob), registry.subscribersOf(STATE));
        assertEquals(Set.of(), registry.subscribersOf(TRAJECTORY));
        assertEquals(1, registry.clientCount());
    }

    @Test
    void aRemovedClientCannotSubscribeAgain() {
        registry.remove(alice);

        assertEquals(List.of(), registry.subscribe(alice, List.of(STATE), MAIN));
        assertEquals(Set.of(), registry.subscribersOf(STATE));
    }

    @Test
    void registeringTwiceIsRefused() {
        assertFalse(registry.register(alice));
    }

    @Test
    void aSubscriberSnapshotDoesNotChangeUnderTheReader() {
        registry.subscribe(alice, List.of(STATE), MAIN);
        Set<ClientSession> snapshot = registry.subscribersOf(STATE);

        registry.subscribe(bob, List.of(STATE), MAIN);
        registry.remove(alice);

        assertEquals(Set.of(alice), snapshot);
    }

    /** Each thread owns some clients (as each socket has one event loop) and churns them. */
    @Test
    void concurrentChangesLeaveAConsistentFinalState() throws Exception {
        int threads = 4;
        int clientsPerThread = 5;
        List<List<ClientSession>> owned = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<ClientSession> clients = new ArrayList<>();
            for (int c = 0; c < clientsPerThread; c++) {
                clients.add(registered("t" + t + "c" + c));
            }
            owned.add(clients);
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<ClientSession> clients : owned) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 300; round++) {
                        for (ClientSession client : clients) {
                            registry.subscribe(client, List.of(STATE, TRAJECTORY, ALERT), MAIN);
                            registry.unsubscribe(client, List.of(TRAJECTORY), List.of());
                            registry.unsubscribe(client, List.of(ALERT, STATE), List.of());
                            registry.subscribe(client, List.of(STATE), MAIN);
                        }
                    }
                    registry.remove(clients.get(0));
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int remaining = threads * (clientsPerThread - 1);
        assertEquals(remaining + 2, registry.clientCount(), "alice and bob are still registered");
        assertEquals(remaining, registry.subscribersOf(STATE).size());
        assertEquals(Map.of(STATE, remaining, TRAJECTORY, 0, ALERT, 0),
                Map.of(STATE, registry.subscriberCounts().get(STATE),
                        TRAJECTORY, registry.subscriberCounts().get(TRAJECTORY),
                        ALERT, registry.subscriberCounts().get(ALERT)));
        for (List<ClientSession> clients : owned) {
            assertFalse(registry.subscribersOf(STATE).contains(clients.get(0)));
            for (ClientSession client : clients.subList(1, clients.size())) {
                assertEquals(Set.of(STATE), registry.streamsOf(client));
                assertTrue(registry.subscribersOf(STATE).contains(client));
            }
        }
    }

    private ClientSession registered(String name) {
        ClientSession session = new ClientSession(name, name, "127.0.0.1", Instant.EPOCH,
                new RecordingChannel(), new RateLimiter(1, Duration.ofMinutes(1)));
        registry.register(session);
        return session;
    }
}

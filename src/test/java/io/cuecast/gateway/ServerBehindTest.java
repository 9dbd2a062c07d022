package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuecast.gateway.websocket.WebSocketEvents;
import io.cuecast.it.Await;
import io.cuecast.it.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slow-consumer rule with real clients over loopback, a real Vert.x server and the gateway's
 * WebSocket adapter, on one event loop that the test can hold up, as JIT compilation, a collection
 * or too much work on a slow core holds up a loaded server. The gateway's clock is the test's, so
 * the default 2 s slow-consumer timeout passes without waiting for it.
 */
class ServerBehindTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The smallest bound the config allows, so that a few messages fill a client's queue. */
    private static final int MAX_QUEUED_BYTES = 4096;
    /** The default: the kernel takes a few tens of KiB of a message at once, not the 2 MiB one. */
    private static final int SOCKET_SEND_BUFFER_BYTES = 32 * 1024;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T00:00:00Z"));
    private final Gateway gateway = new Gateway(new GatewaySettings(GatewaySettings.DEFAULT_MAX_MESSAGE_BYTES,
            GatewaySettings.DEFAULT_RATE_LIMIT_PER_MINUTE, "v", HistorySettings.defaults(),
            LivenessSettings.defaults()), clock);
    private final WebSocketEvents events = new WebSocketEvents(gateway,
            new ConnectionGate(1000, Set.of("*"), clock), MAX_QUEUED_BYTES, SOCKET_SEND_BUFFER_BYTES, clock);
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    /** Every client the test opened, with the id the server gave it. */
    private final Map<WsClient, String> clients = new ConcurrentHashMap<>();
    private final List<CountDownLatch> holds = new ArrayList<>();
    private final Semaphore heldUp = new Semaphore(0);
    private HttpServer server;

    @BeforeEach
    void start() {
        server = vertx.createHttpServer().webSocketHandler(socket -> {
            String key = UUID.randomUUID().toString();
            socket.closeHandler(closed -> events.onClose(key));
            events.onOpen(key, socket.remoteAddress(), socket);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stop() {
        holds.forEach(CountDownLatch::countDown);
        clients.keySet().forEach(WsClient::close);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void readersOfAServerWhoseEventLoopIsBehindArePastTheTimeoutAndStillConnected() throws Exception {
        List<WsClient> readers = List.of(reader(), reader(), reader());
        CountDownLatch release = holdUpTheEventLoop();
        awaitHeldUp();

        // Four seconds of state at 10 Hz that the event loop cannot write: each client's queue fills
        // with the first few, and it skips the rest.
        publishForFourSeconds();
        assertEquals(0, gateway.closedByServer(Closing.SLOW_CONSUMER), "clients were cut off for the server's delay");

        release.countDown();
        long last = publishOnceCaughtUp();
        for (WsClient reader : readers) {
            List<Long> sequences = stateSequencesUpTo(reader, last);
            assertTrue(sequences.size() > 1 && sequences.size() < last,
                    "what was queued arrives, what found the queue full is skipped: " + sequences);
        }
        assertEquals(readers.size(), gateway.connectionCount());
    }

    @Test
    void aReaderWhoseSocketStalledJustBeforeTheEventLoopWasHeldUpIsNotCutOff() throws Exception {
        WsClient reader = reader();
        ClientChannel channel = channelOf(reader);
        CountDownLatch first = holdUpTheEventLoop();
        awaitHeldUp();
        // More than the socket takes in one go: the event loop writes part of it, then the second
        // hold keeps it from seeing the client take the rest.
        gateway.publish(Stream.STATE, Map.of("padding", "x".repeat(2 << 20)));
        CountDownLatch second = holdUpTheEventLoop();
        first.countDown();
        Await.until(channel::isWriteQueueFull, full -> full, WAIT, "the big message to fill the socket's queue");

        publishForFourSeconds();
        assertEquals(0, gateway.closedByServer(Closing.SLOW_CONSUMER), "the client was cut off for the server's delay");

        second.countDown();
        long last = publishOnceCaughtUp();
        List<Long> sequences = stateSequencesUpTo(reader, last);
        assertEquals(1, sequences.get(0), "the big message arrives whole, first");
        assertEquals(1, gateway.connectionCount());
    }

    @Test
    void aClientThatStopsReadingIsCutOffOnceItsSocketHasStalledForTheTimeout() throws Exception {
        WsClient stopped = reader();
        WsClient reading = reader();
        ClientChannel channel = channelOf(stopped);
        ClientChannel readingChannel = channelOf(reading);
        stopped.stopReading();
        Await.until(() -> {
            gateway.publish(Stream.STATE, Map.of("padding", "x".repeat(1 << 20)));
            return channel.isStalled();
        }, stalled -> stalled, WAIT, "the socket of the client that stopped reading to stall");

        for (int second = 0; second < 3; second++) {
            clock.advance(Duration.ofSeconds(1));
            // The event loop keeps up, so it has looked at both sockets since the clock moved on.
            Await.until(() -> channel.isStalled() && !readingChannel.isStalled(), both -> both, WAIT,
                    "the stopped client's socket alone to be found stalled");
            gateway.sweep();
        }

        assertEquals(1, gateway.closedByServer(Closing.SLOW_CONSUMER));
        assertEquals(1, gateway.connectionCount(), "the reading client stays");
        stopped.resumeReading();
        assertEquals(Closing.SLOW_CONSUMER, stopped.awaitClose(WAIT).code());
        // The other client still gets what is published.
        stateSequencesUpTo(reading, publishOnceCaughtUp());
    }

    private WsClient reader() throws InterruptedException {
        WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.actualPort() + "/api/v1/ws/state"));
        clients.put(client, client.nextOfType("connection", WAIT).at("/data/client_id").asText());
        client.nextOfType("subscribed", WAIT);
        return client;
    }

    private ClientChannel channelOf(WsClient client) {
        return gateway.sessionOfClient(clients.get(client)).orElseThrow().channel();
    }

    /**
     * Queues a task that keeps the server's only event loop busy until the returned latch is
     * counted down: it runs after whatever the event loop was given before.
     */
    private CountDownLatch holdUpTheEventLoop() {
        CountDownLatch release = new CountDownLatch(1);
        holds.add(release);
        vertx.getOrCreateContext().runOnContext(ignored -> {
            heldUp.release();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    private void awaitHeldUp() throws InterruptedException {
        assertTrue(heldUp.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS), "the event loop took the task");
    }

    /** State at 10 Hz for four seconds of the gateway's clock, with the sweep every second. */
    private void publishForFourSeconds() {
        for (int tenth = 0; tenth < 40; tenth++) {
            clock.advance(Duration.ofMillis(100));
            gateway.publish(Stream.STATE, Map.of("padding", "x".repeat(1000)));
            if (tenth % 10 == 9) {
                gateway.sweep();
            }
        }
    }

    /** Publishes once the event loop has emptied every client's queue, so that nobody skips it. */
    private long publishOnceCaughtUp() throws Exception {
        Await.until(() -> gateway.sessions().stream().filter(session -> session.channel().isWriteQueueFull()).count(),
                full -> full == 0, WAIT, "the event loop to catch up with every client");
        return gateway.publish(Stream.STATE, Map.of("padding", "after")).sequence();
    }

    /** The sequences of the state messages the client gets, up to and including {@code last}. */
    private static List<Long> stateSequencesUpTo(WsClient client, long last) throws InterruptedException {
        List<Long> sequences = new ArrayList<>();
        long sequence = 0;
        while (sequence < last) {
            JsonNode state = client.nextOfType("state", WAIT);
            sequence = state.get("sequence").asLong();
            sequences.add(sequence);
        }
        return sequences;
    }
}

package io.cuecast.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) that queues every message it receives: text parsed as JSON,
 * binary as bytes. It can stop reading, as a stalled client does: the JDK client then stops taking
 * bytes off the socket, so the server's writes back up.
 */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<byte[]> receivedBinary = new LinkedBlockingQueue<>();
    private volatile boolean reading = true;
    private final WebSocket socket;
    private volatile boolean closedByServer;
    private final java.util.concurrent.CompletableFuture<Closing> closing = new java.util.concurrent.CompletableFuture<>();

    /** The close code and reason the server sent. */
    public record Closing(int code, String reason) {
    }

    private WsClient(URI uri, String origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static WsClient connect(URI uri) {
        return new WsClient(uri, null);
    }

    /** Connects as a browser on {@code origin} would. */
    public static WsClient connect(URI uri, String origin) {
        return new WsClient(uri, origin);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, whatever its type. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return message;
    }

    /** Skips messages until one of this type arrives, and returns it. */
    public JsonNode nextOfType(String type, Duration timeout) throws InterruptedException {
        return nextMatching(m -> type.equals(m.path("type").asText()), timeout, "a '" + type + "' message");
    }

    public JsonNode nextMatching(Predicate<JsonNode> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** The next {@code count} messages of this type, skipping others. */
    public List<JsonNode> collect(String type, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            messages.add(nextOfType(type, left));
        }
        return messages;
    }

    /** Everything received so far and not yet taken. */
    public List<JsonNode> drain() {
        List<JsonNode> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** The next binary message. */
    public byte[] nextBinary(Duration timeout) throws InterruptedException {
        byte[] message = receivedBinary.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no binary message within " + timeout);
        }
        return message;
    }

    /** Takes no more messages off the connection after the one being delivered (if any). */
    public void stopReading() {
        reading = false;
    }

    /** Reads again after {@link #stopReading()}: what piled up arrives, then anything new. */
    public void resumeReading() {
        reading = true;
        socket.request(1);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    public Closing awaitClose(Duration timeout) {
        try {
            return closing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the connection within " + timeout, e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final java.io.ByteArrayOutputStream partialBinary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("server sent text that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            requestMore(webSocket);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            partialBinary.writeBytes(part);
            if (last) {
                receivedBinary.add(partialBinary.toByteArray());
                partialBinary.reset();
            }
            requestMore(webSocket);
            return null;
        }

        private void requestMore(WebSocket webSocket) {
            if (reading) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer = true;
            closing.complete(new Closing(statusCode, reason));
            return null;
        }
    }
}

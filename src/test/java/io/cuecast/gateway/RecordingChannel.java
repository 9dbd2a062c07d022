package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory {@link ClientChannel}: records every text it is given and how it was closed, and
 * can be told to report a full queue or to throw, like a struggling or dying socket.
 */
final class RecordingChannel implements ClientChannel {

    record Close(int code, String reason) {
    }

    private final List<String> sent = new ArrayList<>();
    private volatile boolean queueFull;
    private volatile boolean failing;
    private volatile Close closed;

    @Override
    public synchronized void send(String text) {
        if (failing) {
            throw new IllegalStateException("socket is gone");
        }
        sent.add(text);
    }

    @Override
    public boolean isWriteQueueFull() {
        return queueFull;
    }

    @Override
    public void close(int code, String reason) {
        if (closed != null) {
            throw new AssertionError("closed twice: first " + closed + ", then " + code + " " + reason);
        }
        closed = new Close(code, reason);
    }

    void setQueueFull(boolean queueFull) {
        this.queueFull = queueFull;
    }

    void setFailing(boolean failing) {
        this.failing = failing;
    }

    Optional<Close> closed() {
        return Optional.ofNullable(closed);
    }

    /** The exact String objects sent, in order. */
    synchronized List<String> sent() {
        return List.copyOf(sent);
    }
}

package io.cuecast.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link ClientChannel}: records every text it is given, and can be told to report a
 * full queue or to throw, like a struggling or dying socket.
 */
final class RecordingChannel implements ClientChannel {

    private final List<String> sent = new ArrayList<>();
    private volatile boolean queueFull;
    private volatile boolean failing;

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
        throw new AssertionError("the gateway core is not expected to close sockets, but closed with " + code);
    }

    void setQueueFull(boolean queueFull) {
        this.queueFull = queueFull;
    }

    void setFailing(boolean failing) {
        this.failing = failing;
    }

    /** The exact String objects sent, in order. */
    synchronized List<String> sent() {
        return List.copyOf(sent);
    }
}

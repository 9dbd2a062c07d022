package io.cuecast.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory {@link ClientChannel}: records every text and binary message it is given and how
 * it was closed, and can be told to report a full queue or to throw, like a struggling or dying
 * socket, or to hold binary messages unwritten until the test writes them out, like a client that
 * stopped reading.
 */
final class RecordingChannel implements ClientChannel {

    record Close(int code, String reason) {
    }

    private final List<String> sent = new ArrayList<>();
    /**
     * One String per array sent, so that assertSame on two clients' texts still checks that they
     * were given the one shared encoding.
     */
    private static final Map<byte[], String> decoded = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<byte[]> binaries = new ArrayList<>();
    private final List<Runnable> unwritten = new ArrayList<>();
    private volatile boolean holdingBinaries;
    private volatile boolean queueFull;
    private volatile boolean stalled;
    private volatile boolean failing;
    private volatile Close closed;

    @Override
    public synchronized void sendText(byte[] utf8) {
        if (failing) {
            throw new IllegalStateException("socket is gone");
        }
        sent.add(decoded.computeIfAbsent(utf8, bytes -> new String(bytes, StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void sendBinary(byte[] message, Runnable whenWritten) {
        if (failing) {
            throw new IllegalStateException("socket is gone");
        }
        binaries.add(message);
        if (holdingBinaries) {
            unwritten.add(whenWritten);
        } else {
            whenWritten.run();
        }
    }

    @Override
    public boolean isWriteQueueFull() {
        return queueFull;
    }

    @Override
    public boolean isStalled() {
        return stalled;
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

    /** Like a socket whose client stopped reading before its queue filled. */
    void setStalled(boolean stalled) {
        this.stalled = stalled;
    }

    /** While true, binary messages stay unwritten (their completion is not reported). */
    void setHoldingBinaries(boolean holding) {
        this.holdingBinaries = holding;
    }

    /** Reports every held binary message as written out. */
    synchronized void writeOutBinaries() {
        unwritten.forEach(Runnable::run);
        unwritten.clear();
    }

    /** The exact arrays sent as binary messages, in order. */
    synchronized List<byte[]> binaries() {
        return List.copyOf(binaries);
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

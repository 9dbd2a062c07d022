package io.cuecast.gateway;

/**
 * The gateway's view of one client's socket, implemented by the transport adapter. The gateway
 * calls it from I/O threads and from pipeline threads at once, so implementations must be
 * thread-safe.
 */
public interface ClientChannel {

    /**
     * Queues a text frame for the client and returns at once; it must never block. The array is the
     * UTF-8 text, shared with every other client the message goes to: read it, never change it.
     */
    void sendText(byte[] utf8);

    /**
     * Queues a binary frame for the client and returns at once; it must never block. Calls
     * {@code whenWritten} once the bytes have left for the socket, or could not be written (the
     * socket closed), so the gateway knows when the client can take the next video frame.
     */
    void sendBinary(byte[] message, Runnable whenWritten);

    /**
     * Whether the outgoing queue is over its high-water mark, so that stream messages are skipped:
     * the client is not keeping up, or the server is behind with its writes. Says nothing about
     * which; see {@link #isStalled()}.
     */
    boolean isWriteQueueFull();

    /**
     * Whether the client is what holds its messages up: its socket is refusing bytes already handed
     * to it, because the client (or its link) is not taking them. A server behind with its writes
     * does not make a client stalled, even when that fills its queue; and a socket the server has
     * not been able to look at lately does not count as stalled. A client that keeps up is stalled
     * only now and then, for moments; the gateway counts a stall that lasts as falling behind.
     */
    boolean isStalled();

    /** Closes the socket with a WebSocket close code and reason. */
    void close(int code, String reason);
}

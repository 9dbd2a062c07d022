package io.cuecast.gateway;

/**
 * The gateway's view of one client's socket, implemented by the transport adapter. The gateway
 * calls it from I/O threads and from pipeline threads at once, so implementations must be
 * thread-safe.
 */
public interface ClientChannel {

    /** Queues a text frame for the client and returns at once; it must never block. */
    void send(String text);

    /**
     * Queues a binary frame for the client and returns at once; it must never block. Calls
     * {@code whenWritten} once the bytes have left for the socket, or could not be written (the
     * socket closed), so the gateway knows when the client can take the next video frame.
     */
    void sendBinary(byte[] message, Runnable whenWritten);

    /** Whether the outgoing queue is over its high-water mark, i.e. the client is not keeping up. */
    boolean isWriteQueueFull();

    /** Closes the socket with a WebSocket close code and reason. */
    void close(int code, String reason);
}

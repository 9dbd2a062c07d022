package io.cuecast.gateway;

/**
 * The gateway's view of one client's socket, implemented by the transport adapter. The gateway
 * calls it from I/O threads and from pipeline threads at once, so implementations must be
 * thread-safe.
 */
public interface ClientChannel {

    /** Queues a text frame for the client and returns at once; it must never block. */
    void send(String text);

    /** Whether the outgoing queue is over its high-water mark, i.e. the client is not keeping up. */
    boolean isWriteQueueFull();

    /** Closes the socket with a WebSocket close code and reason. */
    void close(int code, String reason);
}

package io.cuecast.gateway;

/**
 * A message that needed an ack and did not get one, handed to the {@link UndeliveredSink}.
 *
 * @param clientId   the client that did not acknowledge it
 * @param table      the table whose stream it was on
 * @param text       the message exactly as the client was first sent it (JSON envelope)
 * @param deliveries how many times it was sent
 */
public record Undelivered(String clientId, String table, Stream stream, long sequence, String text, int deliveries, Reason reason) {

    public enum Reason {
        /** Sent the configured number of times, and not one acknowledged within the timeout. */
        NOT_ACKNOWLEDGED,
        /** The client went away with the message still unacknowledged. */
        CLIENT_DISCONNECTED,
        /** The server stopped (even by kill -9) while the message awaited the client's ack. */
        SERVER_STOPPED
    }

    /** One line for logs and dead letters. */
    public String describe() {
        return switch (reason) {
            case NOT_ACKNOWLEDGED -> "client " + clientId + " did not acknowledge " + what()
                    + " after " + deliveries + " deliveries";
            case CLIENT_DISCONNECTED -> "client " + clientId + " disconnected without acknowledging "
                    + what() + " (" + deliveries + " deliveries)";
            case SERVER_STOPPED -> "the server stopped while client " + clientId + " had not acknowledged " + what();
        };
    }

    private String what() {
        return stream.wireName() + " #" + sequence + " of table " + table;
    }
}

package io.cuecast.gateway;

import java.nio.charset.StandardCharsets;

/**
 * A server message serialized once, ready to be written to any number of clients.
 *
 * @param text the JSON text, for the gateway's own reading (projections, dead letters)
 * @param utf8 the same text as the UTF-8 bytes of a WebSocket text frame: encoded once and shared by
 *             every client's write, so never modified
 */
record EncodedMessage(String text, byte[] utf8) {

    static EncodedMessage of(String text) {
        return new EncodedMessage(text, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The size on the wire, for the byte counters. */
    int bytes() {
        return utf8.length;
    }
}

package io.cuecast.gateway;

/**
 * A server message serialized once, ready to be written to any number of clients.
 *
 * @param text  the JSON text frame
 * @param bytes its UTF-8 size, for the byte counters
 */
record EncodedMessage(String text, int bytes) {

    static EncodedMessage of(String text) {
        return new EncodedMessage(text, Utf8.length(text));
    }
}

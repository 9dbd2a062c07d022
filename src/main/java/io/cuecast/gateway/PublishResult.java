package io.cuecast.gateway;

/**
 * What one {@link Gateway#publishFrame} did: frames are offered on the publishing thread, so their
 * outcomes are known when it returns.
 *
 * @param stream    the stream published to
 * @param sequence  the number the message got on that stream
 * @param delivered subscribers whose channel accepted the message
 * @param dropped   subscribers skipped because their write queue was full
 * @param failed    subscribers whose channel threw on send
 */
public record PublishResult(Stream stream, long sequence, int delivered, int dropped, int failed) {
}

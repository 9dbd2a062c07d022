package io.cuecast.gateway;

/**
 * What one {@link Gateway#publish} did: the message's number and how many subscribers it was offered
 * to. Whether each took it or skipped it for a full queue is counted in the gateway's totals and the
 * clients' own counters.
 *
 * @param stream     the stream published to
 * @param sequence   the number the message got on that stream
 * @param recipients subscribers the message was handed to
 */
public record Publication(Stream stream, long sequence, int recipients) {
}

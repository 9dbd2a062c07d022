package io.cuecast.gateway;

/**
 * A stream message as several nodes share it (through Kafka): numbered once where it was published,
 * and encoded as every gateway sends it to its clients.
 *
 * @param table    the table's id (the Kafka key)
 * @param stream   the stream it belongs to
 * @param sequence its number in the table's stream, the same on every gateway
 * @param json     the whole wire message, envelope included
 */
public record NumberedMessage(String table, Stream stream, long sequence, String json) {
}

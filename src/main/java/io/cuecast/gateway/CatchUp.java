package io.cuecast.gateway;

import java.util.List;
import java.util.Map;

/**
 * What a subscribe sends right after its {@code subscribed} reply so the client is up to date: the
 * messages it missed, or the stream's latest message.
 *
 * @param recovered per resumed table's stream, in request order: whether every missed message is in
 *                  {@code messages} (false: history had lost some, and the latest message, if any,
 *                  is there instead)
 * @param messages  per table's stream, in request order: stored messages to send, in order, before any live one
 */
record CatchUp(Map<TableStream, Boolean> recovered, Map<TableStream, List<EncodedMessage>> messages) {
}

package io.cuecast.gateway.websocket;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.Publication;
import io.cuecast.gateway.Stream;

/**
 * The publish route's bean: names the stream by its wire name, as the route's content-based router
 * does, and the table by its id (header CuecastTable), or none for the default table.
 */
public final class StreamPublication {
    private final Gateway gateway;

    public StreamPublication(Gateway gateway) {
        this.gateway = gateway;
    }

    public Publication publish(String streamName, String table, Object data) {
        Stream stream = Stream.fromWireName(streamName)
                .orElseThrow(() -> new IllegalArgumentException("no stream named '" + streamName + "'"));
        return gateway.publish(table == null ? gateway.tables().defaultId() : table, stream, data);
    }
}

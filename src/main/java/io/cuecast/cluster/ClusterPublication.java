package io.cuecast.cluster;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.NumberedMessage;
import io.cuecast.gateway.Stream;

/**
 * A vision node's side of the cluster (routes/kafka-publish.camel.yaml): numbers each message once,
 * here, and encodes it as every gateway will send it; the route then sends it to its stream's topic,
 * keyed by table.
 */
public final class ClusterPublication {

    private final Gateway gateway;
    private final StreamSequences sequences;

    public ClusterPublication(Gateway gateway, StreamSequences sequences) {
        this.gateway = gateway;
        this.sequences = sequences;
    }

    /**
     * @param table the table's id, or null for the default table
     * @throws IllegalArgumentException for an unknown stream or table, the frame stream, or data
     *                                  that cannot be serialized (before a number is used up)
     */
    public NumberedMessage number(String streamName, String table, Object data) {
        Stream stream = Stream.fromWireName(streamName)
                .orElseThrow(() -> new IllegalArgumentException("no stream named '" + streamName + "'"));
        String id = table == null ? gateway.tables().defaultId() : table;
        return sequences.number(id, stream, sequence -> gateway.encode(id, stream, sequence, data));
    }
}

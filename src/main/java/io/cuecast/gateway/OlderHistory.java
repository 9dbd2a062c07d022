package io.cuecast.gateway;

import java.util.List;
import java.util.Optional;

/**
 * Where a gateway finds messages older than its own {@link StreamHistory} holds: on a Kafka
 * cluster, the topics every gateway is fed from (docs/SCALING.md). A resume that reaches back
 * further than this gateway's memory is served from here before it is called unrecoverable.
 *
 * <p>Reads may block (a broker round trip); the gateway calls it outside the stream locks, from the
 * client's own inbound thread.
 */
public interface OlderHistory {

    /** A single node: nothing beyond the gateway's memory. */
    OlderHistory NONE = (table, stream, after, through) -> Optional.empty();

    /**
     * The wire texts of the table's stream with sequences {@code after + 1} to {@code through}, in
     * order, or empty when not every one of them could be read (no longer retained, a gap in the
     * numbering, too many, or the source did not answer in time).
     */
    Optional<List<String>> messagesBetween(String table, Stream stream, long after, long through);
}

package io.cuecast.gateway;

import java.util.Map;

/**
 * The gateway's numbers at one moment, for health checks and metrics. Counters are totals since
 * the gateway started, including clients that have since left.
 *
 * @param connections           open connections
 * @param subscribers           subscribers per stream, every stream present
 * @param lastSequences         by table, the last sequence number given per stream (0 before its first publish)
 * @param messagesDelivered     stream messages handed to a client's channel
 * @param messagesDropped       stream messages skipped because a client's write queue was full
 * @param messagesFailed        stream messages a client's channel threw on
 */
public record GatewaySnapshot(
        int connections,
        Map<Stream, Integer> subscribers,
        Map<String, Map<Stream, Long>> lastSequences,
        long messagesDelivered,
        long messagesDropped,
        long messagesFailed) {
}

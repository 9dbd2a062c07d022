package io.cuecast.cluster;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.NumberedMessage;
import io.cuecast.gateway.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway node's side of the cluster (routes/kafka-feed.camel.yaml): each message from a stream's
 * topic is published here with the sequence its vision node gave it. Kafka delivers at least once;
 * a message whose sequence was already published here is dropped. The vision node that sent it is
 * noted, so that a table fed by two at once is reported.
 */
public final class ClusterFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFeed.class);

    private final Gateway gateway;
    private final ClusterSettings settings;
    private final VisionNodes visionNodes;
    private final KafkaHistory history;

    /** @param history where the places of the messages taken are noted, for resumes older than memory */
    public ClusterFeed(Gateway gateway, ClusterSettings settings, VisionNodes visionNodes, KafkaHistory history) {
        this.gateway = gateway;
        this.settings = settings;
        this.visionNodes = visionNodes;
        this.history = history;
    }

    /**
     * @param topic the topic it came from, which names its stream
     * @param table the record's key
     * @param node     the vision node that sent it (its CuecastNode header); null from one that did not say
     * @param sentAtMs the record's timestamp, epoch milliseconds; null for now
     * @param partition the record's partition; null when not known
     * @param offset    the record's offset in it; null when not known
     * @param json     the record's value: the whole wire message
     * @throws IllegalArgumentException for a topic that is not a stream's, a missing or unknown
     *                                  table, or a value that is not a numbered stream message
     */
    public void receive(String topic, String table, String node, Long sentAtMs, Integer partition, Long offset,
                        String json) {
        Stream stream = settings.streamOfTopic(topic)
                .orElseThrow(() -> new IllegalArgumentException("topic '" + topic + "' carries no stream"));
        if (table == null) {
            throw new IllegalArgumentException("a message on " + topic + " has no key: the key is its table");
        }
        NumberedMessage message = new NumberedMessage(table, stream, EnvelopeHead.sequenceOf(json), json);
        gateway.publishNumbered(message);
        if (partition != null && offset != null) {
            history.noteReceived(table, stream, message.sequence(), partition, offset);
        }
        if (node != null && visionNodes.seen(table, node, sentAtMs)) {
            LOG.error("Table {} is fed by more than one vision node: {}. Each numbers the table's streams on its own,"
                    + " so clients see repeats and gaps; give each table one vision node (cuecast.tables).",
                    table, visionNodes.of(table));
        }
    }
}

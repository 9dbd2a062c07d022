package io.cuecast.cluster;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.NumberedMessage;
import io.cuecast.gateway.Stream;

/**
 * A gateway node's side of the cluster (routes/kafka-feed.camel.yaml): each message from a stream's
 * topic is published here with the sequence its vision node gave it. Kafka delivers at least once;
 * a message whose sequence was already published here is dropped.
 */
public final class ClusterFeed {

    private final Gateway gateway;
    private final ClusterSettings settings;

    public ClusterFeed(Gateway gateway, ClusterSettings settings) {
        this.gateway = gateway;
        this.settings = settings;
    }

    /**
     * @param topic the topic it came from, which names its stream
     * @param table the record's key
     * @param json  the record's value: the whole wire message
     * @throws IllegalArgumentException for a topic that is not a stream's, a missing or unknown
     *                                  table, or a value that is not a numbered stream message
     */
    public void receive(String topic, String table, String json) {
        Stream stream = settings.streamOfTopic(topic)
                .orElseThrow(() -> new IllegalArgumentException("topic '" + topic + "' carries no stream"));
        if (table == null) {
            throw new IllegalArgumentException("a message on " + topic + " has no key: the key is its table");
        }
        NumberedMessage message = new NumberedMessage(table, stream, EnvelopeHead.sequenceOf(json), json);
        gateway.publishNumbered(message);
    }
}

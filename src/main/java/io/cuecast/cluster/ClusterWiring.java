package io.cuecast.cluster;

import io.cuecast.config.ConfigException;
import io.cuecast.gateway.Gateway;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up this node's part in the cluster for the routes: the placeholders that switch
 * kafka-publish, kafka-feed and the camera on or off, and their beans. On a single node it only
 * says so: the routes then publish in process, as before.
 */
public final class ClusterWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);

    private ClusterWiring() {
    }

    /**
     * Before the routes start. A clustered node creates missing topics, and a vision node reads
     * where its numbering goes on from: both need the brokers up.
     *
     * @throws ConfigException when the brokers cannot be reached
     */
    public static void wire(CamelContext context, ClusterSettings cluster, Gateway gateway, VisionNodes visionNodes,
                            KafkaHistory history) {
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.addInitialProperty("cuecast.cluster.publication", publication(cluster));
        properties.addInitialProperty("cuecast.cluster.consume", String.valueOf(cluster.consumesFromKafka()));
        properties.addInitialProperty("cuecast.cluster.camera", String.valueOf(cluster.roles().vision()));
        properties.addInitialProperty("cuecast.cluster.brokers", cluster.bootstrapServers().orElse("none"));
        properties.addInitialProperty("cuecast.cluster.topic-prefix", cluster.topicPrefix());
        properties.addInitialProperty("cuecast.cluster.topics", cluster.topicList());
        properties.addInitialProperty("cuecast.cluster.group-id", cluster.topicPrefix() + ".gateway." + cluster.nodeId());
        properties.addInitialProperty("cuecast.cluster.node-id", cluster.nodeId());
        Registry registry = context.getRegistry();
        StreamSequences sequences = new StreamSequences();
        registry.bind("clusterPublication", new ClusterPublication(gateway, sequences));
        registry.bind("clusterFeed", new ClusterFeed(gateway, cluster, visionNodes, history));
        if (!cluster.clustered()) {
            return;
        }
        try {
            ClusterTopics.ensure(cluster);
            if (cluster.publishesToKafka()) {
                new LastSequences(cluster).restore(gateway.tables().ids(), sequences);
            }
        } catch (RuntimeException e) {
            throw new ConfigException("config key 'cuecast.kafka.bootstrap-servers' is '"
                    + cluster.bootstrapServers().get() + "': " + e.getMessage(), e);
        }
        LOG.info("Node {} ({}) on Kafka at {}, topics {}", cluster.nodeId(), roles(cluster.roles()),
                cluster.bootstrapServers().get(), cluster.topicList());
    }

    /**
     * Where gateway-send takes a stream message: {@code local} on a single node, {@code kafka} on a
     * vision node, {@code none} on a gateway-only node, whose messages come from its vision nodes only.
     */
    private static String publication(ClusterSettings cluster) {
        if (!cluster.clustered()) {
            return "local";
        }
        return cluster.publishesToKafka() ? "kafka" : "none";
    }

    private static String roles(NodeRoles roles) {
        return roles.vision() && roles.gateway() ? "vision, gateway" : roles.vision() ? "vision" : "gateway";
    }
}

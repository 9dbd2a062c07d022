package io.cuecast.cluster;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.gateway.Stream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How this node takes part in a Kafka cluster (docs/SCALING.md), or that it runs alone: without
 * cuecast.kafka.bootstrap-servers every stream stays in process, and no broker is needed.
 *
 * @param roles            what this node does
 * @param bootstrapServers the brokers, {@code host:port,...}; empty for a single node
 * @param topicPrefix      each stream's topic is {@code <prefix>.<stream>}; also names the numbering's epoch
 * @param nodeId           this node's name, unique in the cluster (its gateway's consumer group)
 * @param retention        how long the topics keep messages: the longest a resume can reach back
 * @param partitions       partitions of a topic created here; tables spread over them by key
 * @param resumeBudget     how much a gateway reads back from Kafka for one resume
 */
public record ClusterSettings(NodeRoles roles, Optional<String> bootstrapServers, String topicPrefix, String nodeId,
                              Duration retention, int partitions, ResumeBudget resumeBudget) {

    /**
     * The most a resume older than a gateway's memory may cost it: past either, the client is told
     * its resume was not recovered and gets the latest value.
     *
     * @param maxMessages the most messages one resume of one table's stream reads back
     * @param timeout     how long one read may take, waiting for another included
     */
    public record ResumeBudget(int maxMessages, Duration timeout) {
    }

    /** The streams that travel through Kafka: all but the video, which stays on its vision node. */
    public static final List<Stream> STREAMS = Arrays.stream(Stream.values()).filter(s -> s != Stream.FRAME).toList();
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static ClusterSettings fromSettings(Settings settings) {
        NodeRoles roles = settings.parsed(NodeRoles.KEY, "vision,gateway", NodeRoles::parse);
        Optional<String> servers = settings.optional("cuecast.kafka.bootstrap-servers")
                .map(String::trim).filter(value -> !value.isEmpty());
        if (servers.isEmpty() && !roles.equals(NodeRoles.BOTH)) {
            throw new ConfigException("config key '" + NodeRoles.KEY + "' is '" + settings.string(NodeRoles.KEY, "")
                    + "': a node with one role needs the others through Kafka; set cuecast.kafka.bootstrap-servers");
        }
        String prefix = settings.parsed("cuecast.kafka.topic-prefix", "cuecast",
                value -> requireMatch(value, TOPIC_PREFIX, "1 to 100 of A-Z a-z 0-9 . _ -"));
        String nodeId = settings.parsed("cuecast.node.id", UUID.randomUUID().toString(),
                value -> requireMatch(value, NODE_ID, "1 to 64 of A-Z a-z 0-9 . _ -"));
        Duration retention = Duration.ofMinutes(settings.integer("cuecast.kafka.retention-minutes", 10, 1, 10_080));
        int partitions = settings.integer("cuecast.kafka.partitions", 4, 1, 1000);
        ResumeBudget resumeBudget = new ResumeBudget(
                settings.integer("cuecast.kafka.resume.max-messages", 5000, 1, 1_000_000),
                Duration.ofMillis(settings.integer("cuecast.kafka.resume.timeout-ms", 2000, 10, 60_000)));
        return new ClusterSettings(roles, servers, prefix, nodeId, retention, partitions, resumeBudget);
    }

    private static String requireMatch(String value, Pattern pattern, String what) {
        String trimmed = value.trim();
        if (!pattern.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("must be " + what);
        }
        return trimmed;
    }

    /** Whether the streams go through Kafka; false for a single node. */
    public boolean clustered() {
        return bootstrapServers.isPresent();
    }

    /** Whether this node numbers its messages and publishes them to Kafka. */
    public boolean publishesToKafka() {
        return clustered() && roles.vision();
    }

    /** Whether this node's gateway takes its messages from Kafka. */
    public boolean consumesFromKafka() {
        return clustered() && roles.gateway();
    }

    /** The numbering's epoch, the same on every node of the cluster; empty for a single node. */
    public Optional<String> epoch() {
        return clustered() ? Optional.of("kafka:" + topicPrefix) : Optional.empty();
    }

    public String topic(Stream stream) {
        return topicPrefix + "." + stream.wireName();
    }

    /** The stream whose topic this is, if it is one of ours. */
    public Optional<Stream> streamOfTopic(String topic) {
        return STREAMS.stream().filter(stream -> topic(stream).equals(topic)).findFirst();
    }

    /** Every stream's topic, comma-separated, as a Kafka consumer endpoint names them. */
    public String topicList() {
        return String.join(",", STREAMS.stream().map(this::topic).toList());
    }
}

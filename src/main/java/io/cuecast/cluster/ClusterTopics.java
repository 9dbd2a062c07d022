package io.cuecast.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.InvalidMetadataException;

/**
 * Creates the streams' topics that do not exist yet, with a retention as long as a resume may reach
 * back (cuecast.kafka.retention-minutes) and segments short enough for it to take effect. Topics
 * that exist are left as they are: an operator may have tuned them. Returns once every partition has
 * a leader: an idempotent producer whose first batch meets a partition without one is refused
 * (NOT_LEADER_OR_FOLLOWER), and its next batches then fail as out of order until they expire.
 */
public final class ClusterTopics {

    private static final long TIMEOUT_SECONDS = 30;
    private static final long LEADER_POLL_MS = 50;

    private ClusterTopics() {
    }

    /** @throws IllegalStateException when the brokers cannot be reached or refuse */
    public static void ensure(ClusterSettings settings) {
        long retentionMs = settings.retention().toMillis();
        // A segment is deleted whole, once its newest message is past the retention.
        long segmentMs = Math.max(Duration.ofMinutes(1).toMillis(), retentionMs / 4);
        List<NewTopic> topics = new ArrayList<>();
        for (var stream : ClusterSettings.STREAMS) {
            topics.add(new NewTopic(settings.topic(stream), settings.partitions(), (short) -1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs),
                    TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(segmentMs))));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers().orElseThrow()))) {
            List<String> names = topics.stream().map(NewTopic::name).toList();
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + created.getKey() + " on "
                                + settings.bootstrapServers().get() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
            awaitLeaders(admin, names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered at " + settings.bootstrapServers().get()
                    + " within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!allLed(admin, names)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " still without a leader");
            }
            Thread.sleep(LEADER_POLL_MS);
        }
    }

    /**
     * Whether every partition's leader answers as one: the metadata names a leader some moments
     * before that broker takes writes, so ask it for the partition's end offset, which only the
     * leader gives.
     */
    private static boolean allLed(Admin admin, List<String> names) throws InterruptedException, TimeoutException {
        try {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(partition ->
                            ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidMetadataException) {
                return false; // just created: no leader yet, or one that does not know it is
            }
            throw new IllegalStateException("cannot read the end of topics " + names + ": " + e.getCause().getMessage(), e);
        }
    }
}

package io.cuecast.cluster;

import io.cuecast.gateway.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Finds the last sequence each of a vision node's tables has in Kafka, so that its numbering goes
 * on where it stopped: reads each table's partition backwards, a window at a time, from the end,
 * until it meets a message of that table. Costs a few reads at start-up; nothing later.
 */
public final class LastSequences {

    private static final int WINDOW = 500;
    private static final Duration POLL = Duration.ofMillis(500);

    private final ClusterSettings settings;

    public LastSequences(ClusterSettings settings) {
        this.settings = settings;
    }

    /** Sets each table's streams in {@code sequences} to go on after what Kafka holds. */
    public void restore(List<String> tables, StreamSequences sequences) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers().orElseThrow());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(WINDOW));
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            for (Stream stream : ClusterSettings.STREAMS) {
                String topic = settings.topic(stream);
                int partitions = consumer.partitionsFor(topic).size();
                for (String table : tables) {
                    TopicPartition partition = new TopicPartition(topic, partitionOf(table, partitions));
                    sequences.continueAfter(table, stream, lastSequence(consumer, partition, table));
                }
            }
        }
    }

    /** As the producer's default partitioner places a keyed record. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static long lastSequence(KafkaConsumer<String, String> consumer, TopicPartition partition, String table) {
        consumer.assign(List.of(partition));
        long start = consumer.beginningOffsets(List.of(partition)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        for (long high = end; high > start; high = Math.max(start, high - WINDOW)) {
            long low = Math.max(start, high - WINDOW);
            consumer.seek(partition, low);
            long found = 0;
            while (consumer.position(partition) < high) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL).records(partition)) {
                    if (record.offset() < high && table.equals(record.key())) {
                        found = Math.max(found, EnvelopeHead.sequenceOf(record.value()));
                    }
                }
            }
            if (found > 0) {
                return found;
            }
        }
        return 0;
    }
}

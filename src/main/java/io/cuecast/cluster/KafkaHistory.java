package io.cuecast.cluster;

import io.cuecast.gateway.OlderHistory;
import io.cuecast.gateway.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's history beyond its memory, read back from the streams' topics: a client that resumes
 * from further back than this gateway keeps (after a failover to it, say) gets what it missed from
 * Kafka, as long as the topics still retain it.
 *
 * <p>One consumer serves every read, one read at a time; a read that cannot have it, or cannot
 * finish, within the time budget gives up, and so does one that would return more than the message
 * budget: the client is then told its resume was not recovered and gets the latest value, as it would
 * on a single node. Each read seeks to the place {@link OffsetIndex} noted nearest before the
 * position, so it reads little more than it returns.
 */
public final class KafkaHistory implements OlderHistory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaHistory.class);
    private static final Duration LONGEST_POLL = Duration.ofMillis(200);

    private final ClusterSettings settings;
    private final OffsetIndex index = new OffsetIndex();
    private final ReentrantLock reading = new ReentrantLock();
    private KafkaConsumer<String, String> consumer;
    private boolean closed;

    public KafkaHistory(ClusterSettings settings) {
        this.settings = settings;
    }

    /** Notes where a message the feed took lies, for later reads. */
    void noteReceived(String table, Stream stream, long sequence, int partition, long offset) {
        index.note(table, stream, sequence, new OffsetIndex.Position(partition, offset));
    }

    @Override
    public Optional<List<String>> messagesBetween(String table, Stream stream, long after, long through) {
        if (through <= after) {
            return Optional.of(List.of());
        }
        ClusterSettings.ResumeBudget budget = settings.resumeBudget();
        if (through - after > budget.maxMessages() || !ClusterSettings.STREAMS.contains(stream)) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + budget.timeout().toNanos();
        try {
            if (!reading.tryLock(budget.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.info("A resume of {} on table {} waited {} ms for the Kafka read-back; not recovered",
                        stream.wireName(), table, budget.timeout().toMillis());
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            if (closed) {
                return Optional.empty();
            }
            return new Read(consumer(), table, stream, after, through, deadline).run();
        } catch (KafkaException | IllegalStateException e) {
            LOG.warn("Reading {} of table {} after {} back from Kafka failed: {}", stream.wireName(), table, after,
                    e.toString());
            return Optional.empty();
        } finally {
            reading.unlock();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers().orElseThrow());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.topicPrefix() + ".history." + settings.nodeId());
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        }
        return consumer;
    }

    @Override
    public void close() {
        reading.lock();
        try {
            closed = true;
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(1));
            }
        } finally {
            reading.unlock();
        }
    }

    /** One read: the table's messages numbered after {@code after} through {@code through}, all or none. */
    private final class Read {
        private final KafkaConsumer<String, String> consumer;
        private final String table;
        private final Stream stream;
        private final long through;
        private final long deadline;
        private final List<String> found = new ArrayList<>();
        private long next;

        Read(KafkaConsumer<String, String> consumer, String table, Stream stream, long after, long through,
             long deadline) {
            this.consumer = consumer;
            this.table = table;
            this.stream = stream;
            this.through = through;
            this.deadline = deadline;
            this.next = after + 1;
        }

        Optional<List<String>> run() {
            String topic = settings.topic(stream);
            Optional<OffsetIndex.Position> start = index.startFor(table, stream, next);
            TopicPartition partition = new TopicPartition(topic, start.map(OffsetIndex.Position::partition)
                    .orElseGet(() -> LastSequences.partitionOf(table, consumer.partitionsFor(topic, remaining()).size())));
            List<TopicPartition> partitions = List.of(partition);
            consumer.assign(partitions);
            long retainedFrom = consumer.beginningOffsets(partitions, remaining()).get(partition);
            long end = consumer.endOffsets(partitions, remaining()).get(partition);
            consumer.seek(partition, Math.max(retainedFrom, start.map(OffsetIndex.Position::offset).orElse(0L)));
            while (next <= through && consumer.position(partition, remaining()) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(pollTime()).records(partition)) {
                    if (!take(record)) {
                        return Optional.empty();
                    }
                }
            }
            return next > through ? Optional.of(List.copyOf(found)) : Optional.empty();
        }

        /** False when the numbering has a gap here: what is missing was not retained, or never sent. */
        private boolean take(ConsumerRecord<String, String> record) {
            if (next > through || !table.equals(record.key())) {
                return true;
            }
            long sequence;
            try {
                sequence = EnvelopeHead.sequenceOf(record.value());
            } catch (IllegalArgumentException notAStreamMessage) {
                return true; // the feed refused it too: it was never part of the numbering
            }
            if (sequence == next) {
                found.add(record.value());
                next++;
            }
            return sequence <= next;
        }

        private Duration pollTime() {
            Duration left = remaining();
            return left.compareTo(LONGEST_POLL) < 0 ? left : LONGEST_POLL;
        }

        /** @throws IllegalStateException once the time budget is spent */
        private Duration remaining() {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the time budget of " + settings.resumeBudget().timeout().toMillis()
                        + " ms ran out");
            }
            return Duration.ofNanos(left);
        }
    }
}

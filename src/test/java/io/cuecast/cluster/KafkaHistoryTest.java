package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.config.Settings;
import io.cuecast.gateway.Stream;
import io.cuecast.it.KafkaForTests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real broker of .ci/kafka.sh (skipped without it, but for the unreachable broker): a
 * gateway reading a resume older than its memory back from a stream's topic.
 */
class KafkaHistoryTest {

    private final List<KafkaHistory> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(KafkaHistory::close);
    }

    private KafkaHistory history(ClusterSettings cluster) {
        KafkaHistory history = new KafkaHistory(cluster);
        opened.add(history);
        return history;
    }

    private static ClusterSettings cluster(String kafka, String... more) {
        Map<String, String> keys = new HashMap<>(Map.of("cuecast.kafka.bootstrap-servers", kafka,
                "cuecast.kafka.topic-prefix", KafkaForTests.freshTopicPrefix(), "cuecast.kafka.partitions", "1"));
        for (int i = 0; i < more.length; i += 2) {
            keys.put(more[i], more[i + 1]);
        }
        return ClusterSettings.fromSettings(new Settings(key -> Optional.ofNullable(keys.get(key))));
    }

    private static String message(String table, long sequence) {
        return "{\"type\":\"state\",\"table_id\":\"" + table + "\",\"sequence\":" + sequence + ",\"data\":{}}";
    }

    private static List<String> messages(String table, long from, long through) {
        return LongStream.rangeClosed(from, through).mapToObj(sequence -> message(table, sequence)).toList();
    }

    /** Sends each table's messages in the order given, and notes where each landed as the feed would. */
    private static final class Topic implements AutoCloseable {
        private final KafkaProducer<String, String> producer;
        private final String name;
        private final List<KafkaHistory> noting;

        Topic(ClusterSettings cluster, KafkaHistory... noting) {
            ClusterTopics.ensure(cluster);
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers().orElseThrow()), new StringSerializer(), new StringSerializer());
            this.name = cluster.topic(Stream.STATE);
            this.noting = List.of(noting);
        }

        void send(String table, long... sequences) throws Exception {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (long sequence : sequences) {
                sent.add(producer.send(new ProducerRecord<>(name, table, message(table, sequence))));
            }
            for (int i = 0; i < sequences.length; i++) {
                RecordMetadata placed = sent.get(i).get();
                for (KafkaHistory history : noting) {
                    history.noteReceived(table, Stream.STATE, sequences[i], placed.partition(), placed.offset());
                }
            }
        }

        void sendRange(String table, long from, long through) throws Exception {
            send(table, LongStream.rangeClosed(from, through).toArray());
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    @Test
    void aRangeIsReadBackExactlyAmongOtherTablesAndRedeliveries() throws Exception {
        ClusterSettings cluster = cluster(KafkaForTests.bootstrapServers());
        KafkaHistory indexed = history(cluster);
        KafkaHistory started = history(cluster); // noted nothing: reads from the partition's start
        try (Topic topic = new Topic(cluster, indexed)) {
            for (long block = 0; block < 12; block++) {
                topic.sendRange("t1", block * 100 + 1, block * 100 + 100);
                topic.sendRange("t2", block * 10 + 1, block * 10 + 10);
            }
            topic.send("t1", 450, 451); // a redelivery, as Kafka's at-least-once may give
        }

        assertEquals(Optional.of(messages("t1", 701, 1100)), indexed.messagesBetween("t1", Stream.STATE, 700, 1100));
        assertEquals(Optional.of(messages("t1", 401, 600)), indexed.messagesBetween("t1", Stream.STATE, 400, 600),
                "the repeated 450 and 451 come once");
        assertEquals(Optional.of(messages("t2", 3, 117)), started.messagesBetween("t2", Stream.STATE, 2, 117));
        assertEquals(Optional.of(List.of()), indexed.messagesBetween("t1", Stream.STATE, 900, 900));
    }

    @Test
    void aReadIsAllOrNothing() throws Exception {
        ClusterSettings cluster = cluster(KafkaForTests.bootstrapServers(), "cuecast.kafka.resume.max-messages", "300");
        KafkaHistory history = history(cluster);
        try (Topic topic = new Topic(cluster, history)) {
            topic.sendRange("t1", 1, 400);
            topic.send("t2", 1, 2, 3, 5, 6); // 4 was never published
        }

        assertEquals(Optional.empty(), history.messagesBetween("t2", Stream.STATE, 1, 6), "a gap in the numbering");
        assertEquals(Optional.of(messages("t2", 1, 3)), history.messagesBetween("t2", Stream.STATE, 0, 3));
        assertEquals(Optional.empty(), history.messagesBetween("t1", Stream.STATE, 50, 400), "over the message budget");
        assertEquals(Optional.of(messages("t1", 101, 400)), history.messagesBetween("t1", Stream.STATE, 100, 400));
        assertEquals(Optional.empty(), history.messagesBetween("t1", Stream.STATE, 390, 410), "beyond what Kafka has");
        assertEquals(Optional.empty(), history.messagesBetween("t1", Stream.FRAME, 0, 1), "video is not in Kafka");
    }

    @Test
    void messagesNoLongerRetainedCannotBeRecovered() throws Exception {
        String kafka = KafkaForTests.bootstrapServers();
        ClusterSettings cluster = cluster(kafka);
        KafkaHistory history = history(cluster);
        try (Topic topic = new Topic(cluster, history)) {
            topic.sendRange("t1", 1, 200);
        }
        // What retention does, at once: everything before the 101st record is deleted.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.deleteRecords(Map.of(new TopicPartition(cluster.topic(Stream.STATE), 0),
                    RecordsToDelete.beforeOffset(100))).all().get();
        }

        assertEquals(Optional.empty(), history.messagesBetween("t1", Stream.STATE, 40, 200));
        assertEquals(Optional.of(messages("t1", 101, 200)), history.messagesBetween("t1", Stream.STATE, 100, 200));
    }

    @Test
    void anUnreachableBrokerCostsTheTimeBudgetAndRecoversNothing() {
        KafkaHistory history = history(cluster("127.0.0.1:1", "cuecast.kafka.resume.timeout-ms", "300"));

        assertEquals(Optional.empty(), history.messagesBetween("t1", Stream.STATE, 1, 5));
        assertEquals(Optional.empty(), history.messagesBetween("t1", Stream.STATE, 1, 5), "and again, not stuck");
    }
}

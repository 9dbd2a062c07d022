package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.config.Settings;
import io.cuecast.gateway.Stream;
import io.cuecast.it.KafkaForTests;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against the real broker of .ci/kafka.sh (skipped without it): a restarted vision node's numbering. */
class LastSequencesTest {

    /** The next number, encoded as itself. */
    private static long next(StreamSequences sequences, String table, Stream stream) {
        return sequences.number(table, stream, Long::valueOf);
    }


    private static String message(String table, long sequence) {
        return "{\"type\":\"state\",\"table_id\":\"" + table + "\",\"sequence\":" + sequence + ",\"data\":{}}";
    }

    @Test
    void eachTableGoesOnAfterItsLastMessageHoweverFarBackItIs() throws Exception {
        String kafka = KafkaForTests.bootstrapServers();
        // One partition, so that table t2's last message lies under two windows of t1's.
        ClusterSettings cluster = ClusterSettings.fromSettings(new Settings(key -> Optional.ofNullable(Map.of(
                "cuecast.kafka.bootstrap-servers", kafka, "cuecast.kafka.topic-prefix", KafkaForTests.freshTopicPrefix(),
                "cuecast.kafka.partitions", "1").get(key))));
        ClusterTopics.ensure(cluster);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(), new StringSerializer())) {
            String topic = cluster.topic(Stream.STATE);
            for (long sequence = 1; sequence <= 3; sequence++) {
                producer.send(new ProducerRecord<>(topic, "t2", message("t2", sequence)));
            }
            for (long sequence = 1; sequence <= 1200; sequence++) {
                producer.send(new ProducerRecord<>(topic, "t1", message("t1", sequence)));
            }
            producer.send(new ProducerRecord<>(cluster.topic(Stream.EVENTS), "t1", message("t1", 9))).get();
        }
        StreamSequences sequences = new StreamSequences();

        new LastSequences(cluster).restore(List.of("t1", "t2", "t3"), sequences);

        assertEquals(1201L, next(sequences, "t1", Stream.STATE));
        assertEquals(4L, next(sequences, "t2", Stream.STATE), "found behind three windows of t1's");
        assertEquals(10L, next(sequences, "t1", Stream.EVENTS));
        assertEquals(1L, next(sequences, "t3", Stream.STATE), "a table with nothing in Kafka starts at 1");
    }
}

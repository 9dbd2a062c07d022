package io.cuecast.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

/**
 * The real Kafka broker that .ci/run starts (.ci/kafka.sh) for the cluster tests: its address is in
 * CUECAST_TEST_KAFKA (or the system property cuecast.test.kafka). Without it those tests are skipped,
 * saying how to run them.
 */
public final class KafkaForTests {

    private KafkaForTests() {
    }

    /** host:port of the broker; skips the calling test when none was started. */
    public static String bootstrapServers() {
        String address = System.getProperty("cuecast.test.kafka", System.getenv("CUECAST_TEST_KAFKA"));
        assumeTrue(address != null && !address.isBlank(),
                "no Kafka broker: run `export CUECAST_TEST_KAFKA=$(.ci/kafka.sh start)` first (.ci/run does)");
        return address;
    }

    /** A topic prefix of its own for each test, so that tests never read each other's messages. */
    public static String freshTopicPrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

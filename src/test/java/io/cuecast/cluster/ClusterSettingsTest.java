package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.config.ConfigException;
import io.cuecast.config.Settings;
import io.cuecast.gateway.Stream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static ClusterSettings of(Map<String, String> values) {
        return ClusterSettings.fromSettings(new Settings(key -> Optional.ofNullable(values.get(key))));
    }

    private static String refusal(Map<String, String> values) {
        return assertThrows(ConfigException.class, () -> of(values)).getMessage();
    }

    @Test
    void withoutBrokersANodeRunsAloneWithBothRolesAndAFreshEpoch() {
        ClusterSettings alone = of(Map.of());

        assertEquals(NodeRoles.BOTH, alone.roles());
        assertFalse(alone.clustered());
        assertFalse(alone.publishesToKafka());
        assertFalse(alone.consumesFromKafka());
        assertEquals(Optional.empty(), alone.epoch());
    }

    @Test
    void aVisionNodePublishesAndAGatewayNodeConsumesOnTopicsPerStream() {
        ClusterSettings vision = of(Map.of("cuecast.node.roles", "vision", "cuecast.kafka.bootstrap-servers", "k:9092",
                "cuecast.kafka.topic-prefix", "hall", "cuecast.kafka.retention-minutes", "30"));
        ClusterSettings gateway = of(Map.of("cuecast.node.roles", " gateway ", "cuecast.kafka.bootstrap-servers", "k:9092",
                "cuecast.kafka.topic-prefix", "hall"));

        assertTrue(vision.publishesToKafka());
        assertFalse(vision.consumesFromKafka());
        assertTrue(gateway.consumesFromKafka());
        assertFalse(gateway.publishesToKafka());
        assertEquals(Optional.of("kafka:hall"), gateway.epoch());
        assertEquals(vision.epoch(), gateway.epoch(), "one numbering for the whole cluster");
        assertEquals("hall.state", gateway.topic(Stream.STATE));
        assertEquals(Optional.of(Stream.EVENTS), gateway.streamOfTopic("hall.events"));
        assertEquals(Optional.empty(), gateway.streamOfTopic("hall.frame"), "video stays on its vision node");
        assertFalse(gateway.topicList().contains("frame"), gateway.topicList());
        assertEquals(Duration.ofMinutes(30), vision.retention());
    }

    @Test
    void oneRoleWithoutBrokersIsRefused() {
        assertTrue(refusal(Map.of("cuecast.node.roles", "gateway")).contains("set cuecast.kafka.bootstrap-servers"));
    }

    @Test
    void badRolesAreRefusedNamingTheKey() {
        assertEquals("config key 'cuecast.node.roles' is 'vision,camera': unknown role 'camera'; the roles are vision, gateway",
                refusal(Map.of("cuecast.node.roles", "vision,camera")));
        assertTrue(refusal(Map.of("cuecast.node.roles", "gateway,gateway")).contains("listed twice"));
        assertTrue(refusal(Map.of("cuecast.node.roles", " , ")).contains("at least one role"));
    }

    @Test
    void badTopicPrefixNodeIdAndNumbersAreRefused() {
        assertTrue(refusal(Map.of("cuecast.kafka.topic-prefix", "hall/1"))
                .startsWith("config key 'cuecast.kafka.topic-prefix' is 'hall/1': must be"));
        assertTrue(refusal(Map.of("cuecast.node.id", "node 1")).startsWith("config key 'cuecast.node.id'"));
        assertTrue(refusal(Map.of("cuecast.kafka.retention-minutes", "0")).contains("cuecast.kafka.retention-minutes"));
        assertTrue(refusal(Map.of("cuecast.kafka.partitions", "many")).contains("cuecast.kafka.partitions"));
        assertTrue(refusal(Map.of("cuecast.kafka.resume.max-messages", "0")).contains("cuecast.kafka.resume.max-messages"));
        assertTrue(refusal(Map.of("cuecast.kafka.resume.timeout-ms", "2s")).contains("cuecast.kafka.resume.timeout-ms"));
    }

    @Test
    void aResumeReadBackHasABudgetOfMessagesAndTime() {
        assertEquals(new ClusterSettings.ResumeBudget(5000, Duration.ofSeconds(2)), of(Map.of()).resumeBudget());
        assertEquals(new ClusterSettings.ResumeBudget(800, Duration.ofMillis(500)), of(Map.of(
                "cuecast.kafka.resume.max-messages", "800", "cuecast.kafka.resume.timeout-ms", "500")).resumeBudget());
    }
}

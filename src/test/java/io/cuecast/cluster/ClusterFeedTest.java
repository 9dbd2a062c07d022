package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.config.Settings;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.GatewaySettings;
import io.cuecast.gateway.Stream;
import io.cuecast.gateway.TableReport;
import io.cuecast.gateway.rest.TablesApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a gateway node does with each record of a stream's topic, and what it learns of the vision nodes. */
class ClusterFeedTest {

    private final Gateway vision = new Gateway(GatewaySettings.defaults("v"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"));
    private final VisionNodes visionNodes = new VisionNodes(Clock.systemUTC());
    private final ClusterSettings settings = ClusterSettings.fromSettings(new Settings(key ->
            Optional.ofNullable(Map.of("cuecast.kafka.bootstrap-servers", "k:9092",
                    "cuecast.kafka.topic-prefix", "hall").get(key))));
    private final ClusterFeed feed = new ClusterFeed(gateway, settings, visionNodes, new KafkaHistory(settings));
    private final TablesApi tables = new TablesApi(gateway, Duration.ofSeconds(2), visionNodes::of);

    private long lastEventsSequence() {
        return gateway.snapshot().lastSequences().get("main").get(Stream.EVENTS);
    }

    @Test
    void aRecordIsPublishedWithTheSequenceItCarriesAndARedeliveryIsDropped() {
        feed.receive("hall.events", "main", "vision-1", null, null, null, vision.encode("main", Stream.EVENTS, 7, Map.of("shot", 1)).json());
        feed.receive("hall.events", "main", "vision-1", null, null, null, vision.encode("main", Stream.EVENTS, 7, Map.of("shot", 1)).json());

        assertEquals(7L, lastEventsSequence());
    }

    @Test
    void recordsThatAreNotNumberedStreamMessagesOfOurTopicsAreRefused() {
        String good = vision.encode("main", Stream.EVENTS, 1, Map.of()).json();

        assertEquals("topic 'hall.frame' carries no stream", assertThrows(IllegalArgumentException.class,
                () -> feed.receive("hall.frame", "main", "vision-1", null, null, null, good)).getMessage());
        assertEquals("a message on hall.events has no key: the key is its table", assertThrows(
                IllegalArgumentException.class, () -> feed.receive("hall.events", null, "vision-1", null, null, null, good)).getMessage());
        assertEquals("a stream message has a sequence", assertThrows(IllegalArgumentException.class,
                () -> feed.receive("hall.events", "main", "vision-1", null, null, null, "{\"type\":\"events\"}")).getMessage());
        assertEquals(0L, lastEventsSequence(), "nothing refused was published");
    }

    @Test
    void aTableFedByOneVisionNodeIsUpAndByTwoAtOnceIsDegraded() {
        feed.receive("hall.state", "main", "vision-1", null, null, null, vision.encode("main", Stream.STATE, 1, Map.of()).json());
        TableReport one = tables.tables().get(0);
        assertEquals("UP", one.status());
        assertEquals(List.of("vision-1"), one.visionNodes());

        feed.receive("hall.state", "main", "vision-2", null, null, null, vision.encode("main", Stream.STATE, 1, Map.of()).json());
        TableReport two = tables.tables().get(0);
        assertEquals("DEGRADED", two.status());
        assertEquals(List.of("vision-1", "vision-2"), two.visionNodes());
        assertTrue(two.reason().contains("fed by 2 vision nodes at once (vision-1, vision-2)"), two.reason());
    }

    @Test
    void aVisionNodeSeenOnlyInOldMessagesNoLongerFeedsTheTable() {
        long longAgo = Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli();
        feed.receive("hall.state", "main", "vision-old", longAgo, null, null, vision.encode("main", Stream.STATE, 1, Map.of()).json());
        feed.receive("hall.state", "main", "vision-new", null, null, null, vision.encode("main", Stream.STATE, 2, Map.of()).json());

        TableReport report = tables.tables().get(0);
        assertEquals("UP", report.status(), "a gateway reading back through history is not fed by two: " + report);
        assertEquals(List.of("vision-new"), report.visionNodes());
    }
}

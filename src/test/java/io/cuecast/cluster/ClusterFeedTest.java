package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cuecast.config.Settings;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.GatewaySettings;
import io.cuecast.gateway.Stream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a gateway node does with each record of a stream's topic. */
class ClusterFeedTest {

    private final Gateway vision = new Gateway(GatewaySettings.defaults("v"));
    private final Gateway gateway = new Gateway(GatewaySettings.defaults("v"));
    private final ClusterFeed feed = new ClusterFeed(gateway, ClusterSettings.fromSettings(new Settings(key ->
            Optional.ofNullable(Map.of("cuecast.kafka.bootstrap-servers", "k:9092",
                    "cuecast.kafka.topic-prefix", "hall").get(key)))));

    private long lastEventsSequence() {
        return gateway.snapshot().lastSequences().get("main").get(Stream.EVENTS);
    }

    @Test
    void aRecordIsPublishedWithTheSequenceItCarriesAndARedeliveryIsDropped() {
        feed.receive("hall.events", "main", vision.encode("main", Stream.EVENTS, 7, Map.of("shot", 1)).json());
        feed.receive("hall.events", "main", vision.encode("main", Stream.EVENTS, 7, Map.of("shot", 1)).json());

        assertEquals(7L, lastEventsSequence());
    }

    @Test
    void recordsThatAreNotNumberedStreamMessagesOfOurTopicsAreRefused() {
        String good = vision.encode("main", Stream.EVENTS, 1, Map.of()).json();

        assertEquals("topic 'hall.frame' carries no stream", assertThrows(IllegalArgumentException.class,
                () -> feed.receive("hall.frame", "main", good)).getMessage());
        assertEquals("a message on hall.events has no key: the key is its table", assertThrows(
                IllegalArgumentException.class, () -> feed.receive("hall.events", null, good)).getMessage());
        assertEquals("a stream message has a sequence", assertThrows(IllegalArgumentException.class,
                () -> feed.receive("hall.events", "main", "{\"type\":\"events\"}")).getMessage());
        assertEquals(0L, lastEventsSequence(), "nothing refused was published");
    }
}

package io.cuecast.ops.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.gateway.Undelivered;
import io.cuecast.gateway.UndeliveredSink;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's way into the dead letters: a message no client acknowledged becomes a letter of
 * route {@value #ROUTE}, cause {@code NotAcknowledged} or {@code ClientDisconnected}, that replays
 * into the {@code publish} route, which publishes its data on its stream again (a new sequence, to
 * whoever subscribes then).
 */
public final class GatewayDeadLetters implements UndeliveredSink {
    public static final String ROUTE = "gateway";
    private static final String REPLAY_ROUTE = "publish";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayDeadLetters.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeadLetterStore store;

    public GatewayDeadLetters(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public void accept(Undelivered message) {
        try {
            JsonNode data = JSON.readTree(message.text()).path("data");
            store.record(ROUTE, REPLAY_ROUTE, null, MessageBody.of(MessageBodies.JSON, JSON.writeValueAsBytes(data)),
                    Map.of("CuecastStream", message.stream().wireName(), "CuecastTable", message.table(),
                            "CuecastClientId", message.clientId(),
                            "CuecastSequence", message.sequence(), "CuecastDeliveries", message.deliveries()),
                    new DeadLetter.Failure(causeOf(message.reason()), message.describe(), List.of()));
        } catch (IOException | RuntimeException e) {
            LOG.error("LOST: {}; it could not be stored as a dead letter", message.describe(), e);
        }
    }

    private static String causeOf(Undelivered.Reason reason) {
        return switch (reason) {
            case NOT_ACKNOWLEDGED -> "NotAcknowledged";
            case CLIENT_DISCONNECTED -> "ClientDisconnected";
            case SERVER_STOPPED -> "ServerStopped";
        };
    }
}

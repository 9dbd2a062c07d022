package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trajectory stream on the running application with its simulated table: while the simulator's
 * cue aims, predictions arrive over a real WebSocket, under the ball ids the state stream uses.
 */
class PredictionEndToEndTest extends AgainstOneCuecast {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void whileTheCueAimsATrajectoryArrivesUnderTheStatesBallIds() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"trajectory\"]}}");
            Set<Integer> stateIds = new HashSet<>();
            JsonNode trajectory = client.nextMatching(m -> {
                if (m.path("type").asText().equals("state")) {
                    stateIds.clear();
                    m.path("data").path("balls").forEach(ball -> stateIds.add(ball.path("id").asInt()));
                }
                return m.path("type").asText().equals("trajectory") && !stateIds.isEmpty();
            }, WAIT, "a trajectory after a state");
            JsonNode data = trajectory.path("data");

            assertTrue(stateIds.contains(data.path("cue_ball_id").asInt()), data + " vs " + stateIds);
            JsonNode paths = data.path("paths");
            assertFalse(paths.isEmpty(), "the struck ball moves: " + data);
            Set<Integer> moving = new HashSet<>();
            paths.forEach(path -> moving.add(path.path("id").asInt()));
            assertTrue(moving.contains(data.path("cue_ball_id").asInt()), "the struck ball has a path: " + data);
            paths.forEach(path -> assertTrue(stateIds.contains(path.path("id").asInt()), path + " vs " + stateIds));
            data.path("resting_positions").forEach(ball ->
                    assertTrue(stateIds.contains(ball.path("id").asInt()), ball + " vs " + stateIds));
            data.path("pocket_entries").forEach(entry ->
                    assertTrue(stateIds.contains(entry.path("id").asInt()), entry + " vs " + stateIds));
            assertEquals(stateIds.size(), data.path("resting_positions").size() + data.path("pocket_entries").size(),
                    "every ball of the state ends at rest or in a pocket: " + data);
            double confidence = data.path("confidence").asDouble(-1);
            assertTrue(confidence >= 0 && confidence <= 1, data.toString());
            assertTrue(data.path("calculation_time_ms").asDouble() > 0, data.toString());
            assertTrue(trajectory.path("sequence").asLong() > 0, trajectory.toString());
        }
    }

    @Test
    void includeFieldsAndConditionsApplyToTheTrajectoryStream() throws Exception {
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"trajectory\"],\"filters\":{\"trajectory\":"
                    + "{\"include_fields\":[\"cue_ball_id\",\"confidence\"],\"conditions\":{\"confidence\":{\"gte\":0}}}}}}");
            client.nextOfType("subscribed", WAIT);
            JsonNode data = client.nextOfType("trajectory", WAIT).path("data");
            List<String> fields = new ArrayList<>();
            data.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("cue_ball_id", "confidence"), fields, data.toString());
        }
    }
}

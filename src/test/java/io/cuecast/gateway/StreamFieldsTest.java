package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.state.StateMessages;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state schema that conditions are checked against says exactly what the pipeline publishes. */
class StreamFieldsTest {

    @Test
    void theStateSchemaNamesEveryFieldOfAPublishedStateAndNoOther() {
        TableState state = new TableState(12, 1_795_630_930_001_204L, TableSpec.POOL_9FT, true, List.of(
                new TrackedBall(1, BallType.CUE, 0, 635.2, 634.9, 368, 360, 30, 40, -180, -240, true, false, 0.97, 0)))
                .withCue(new CueDetection(326.5, 356.8, 540.3, 628.1, 100, 340, 4.4, 4.4, 0.9));
        JsonNode wire = new ObjectMapper().valueToTree(StateMessages.toWire(state));
        FieldSchema schema = StreamFields.of(Stream.STATE).orElseThrow();

        assertEquals(keys(wire), schema.names());
        FieldSchema table = schema.field("table").orElseThrow().children();
        assertEquals(keys(wire.get("table")), table.names());
        FieldSchema ball = schema.field("balls").orElseThrow().children();
        assertEquals(keys(wire.get("balls").get(0)).replace("velocity, ", "velocity, speed, "), ball.names(),
                "speed is derived from velocity");
        FieldSchema cue = schema.field("cue").orElseThrow().children();
        assertEquals(keys(wire.get("cue")), cue.names());
        assertEquals(keys(wire.get("cue").get("tip")), cue.field("tip").orElseThrow().children().names());
        assertEquals(50.0, ball.field("speed").orElseThrow().read(wire.get("balls").get(0)).doubleValue(), 1e-9);
    }

    private static String keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }
}

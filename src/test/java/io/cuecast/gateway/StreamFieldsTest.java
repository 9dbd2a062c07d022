package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.prediction.PredictionSettings;
import io.cuecast.physics.prediction.PredictionStage;
import io.cuecast.state.StateMessages;
import io.cuecast.state.StateUpdate;
import io.cuecast.state.Pixel;
import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state schema that conditions are checked against says exactly what the pipeline publishes. */
class StreamFieldsTest {

    @Test
    void theStateSchemaNamesEveryFieldOfAPublishedStateAndNoOther() {
        TableState state = new TableState(12, 1_795_630_930_001_204L, TableSpec.POOL_9FT, true, List.of(
                new TrackedBall(1, BallType.CUE, 0, 635.2, 634.9, 368, 360, 30, 40, -180, -240, true, false, 0.97, 0, 0)),
                List.of(), List.of(), new CueDetection(326.5, 356.8, 540.3, 628.1, 100, 340, 4.4, 4.4, 0.9),
                List.of(new Pixel(101.5, 82), new Pixel(1180, 80.25), new Pixel(1195, 650), new Pixel(88, 655)));
        JsonNode wire = new ObjectMapper().valueToTree(StateMessages.toWire(state));
        FieldSchema schema = StreamFields.of(Stream.STATE).orElseThrow();

        assertEquals(keys(wire), schema.names());
        FieldSchema table = schema.field("table").orElseThrow().children();
        assertEquals(keys(wire.get("table")), table.names());
        assertEquals(keys(wire.get("table").get("corners_px").get(0)),
                table.field("corners_px").orElseThrow().children().names());
        assertEquals(4, wire.get("table").get("corners_px").size());
        FieldSchema ball = schema.field("balls").orElseThrow().children();
        assertEquals(keys(wire.get("balls").get(0)).replace("velocity, ", "velocity, speed, "), ball.names(),
                "speed is derived from velocity");
        FieldSchema cue = schema.field("cue").orElseThrow().children();
        assertEquals(keys(wire.get("cue")), cue.names());
        assertEquals(keys(wire.get("cue").get("tip")), cue.field("tip").orElseThrow().children().names());
        assertEquals(50.0, ball.field("speed").orElseThrow().read(wire.get("balls").get(0)).doubleValue(), 1e-9);
    }

    @Test
    void theTrajectorySchemaNamesEveryFieldOfAPredictionAndNoOther() {
        double r = TableSpec.POOL_9FT.ballRadiusMm();
        // A cut into the top-right corner, hard enough for the cue ball to reach a cushion after.
        List<TrackedBall> balls = List.of(
                new TrackedBall(1, BallType.CUE, 0, 1700, 330, 0, 0, 0, 0, 0, 0, false, false, 0.97, 0, 0),
                new TrackedBall(9, BallType.SOLID, 9, 2200, 320, 0, 0, 0, 0, 0, 0, false, false, 0.97, 0, 0));
        double toPocket = Math.atan2(-320, 2540 - 2200);
        double ghostX = 2200 - 2 * r * Math.cos(toPocket);
        double ghostY = 320 - 2 * r * Math.sin(toPocket);
        double aim = Math.atan2(ghostY - 330, ghostX - 1700);
        CueDetection cue = new CueDetection(0, 0, 1700 - 80 * Math.cos(aim), 330 - 80 * Math.sin(aim), 0, 0,
                Math.toDegrees(aim), Math.toDegrees(aim), 1);
        TableState state = new TableState(5, 1_795_630_930_001_204L, TableSpec.POOL_9FT, true, balls, List.of(),
                List.of(), cue);
        PredictionStage stage = new PredictionStage(new EventPhysics(TableSpec.POOL_9FT, EventPhysicsSettings.POOL),
                PredictionSettings.DEFAULTS);
        JsonNode wire = new ObjectMapper().valueToTree(
                stage.toWire(stage.predict(stage.aim(new StateUpdate(state, List.of())))));
        FieldSchema schema = StreamFields.of(Stream.TRAJECTORY).orElseThrow();

        assertEquals(keys(wire), schema.names());
        assertEquals(keys(wire.get("shot")), schema.field("shot").orElseThrow().children().names());
        assertEquals(keys(wire.get("ghost_ball")), schema.field("ghost_ball").orElseThrow().children().names());
        assertFalse(wire.get("pocket_entries").isEmpty(), wire.toString());
        for (String list : List.of("paths", "collisions", "pocket_entries", "resting_positions")) {
            FieldSchema element = schema.field(list).orElseThrow().children();
            Set<String> seen = new LinkedHashSet<>();
            wire.get(list).forEach(item -> item.fieldNames().forEachRemaining(seen::add));
            assertEquals(element.names(), String.join(", ", seen), list + ": " + wire.get(list));
        }
        FieldSchema point = schema.field("paths").orElseThrow().children().field("points").orElseThrow().children();
        assertEquals(keys(wire.get("paths").get(0).get("points").get(0)), point.names());
    }

    private static String keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return String.join(", ", keys);
    }
}

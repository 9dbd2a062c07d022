package io.cuecast.gateway;

import static io.cuecast.gateway.FieldSchema.bool;
import static io.cuecast.gateway.FieldSchema.derivedNumber;
import static io.cuecast.gateway.FieldSchema.levels;
import static io.cuecast.gateway.FieldSchema.list;
import static io.cuecast.gateway.FieldSchema.number;
import static io.cuecast.gateway.FieldSchema.object;
import static io.cuecast.gateway.FieldSchema.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.cuecast.physics.prediction.ShotEstimate;
import io.cuecast.table.BallType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of each stream that conditions can name: those of {@code state}
 * ({@code io.cuecast.state.StateMessages}), {@code trajectory}
 * ({@code io.cuecast.physics.prediction.TrajectoryMessages}) and {@code alert}. A stream without a schema here takes no
 * conditions until its publisher defines its fields.
 */
public final class StreamFields {

    /** An alert's levels, lowest first: conditions compare them in this order. */
    public static final List<String> ALERT_LEVELS = List.of("info", "warning", "error", "critical");

    private static final FieldSchema POINT = FieldSchema.of(number("x"), number("y"));

    private static final FieldSchema BALL = FieldSchema.of(
            number("id"),
            text("type", Arrays.stream(BallType.values()).map(BallType::wireName).toList()),
            number("number"),
            object("position", POINT),
            object("pixel", POINT),
            object("velocity", POINT),
            derivedNumber("speed", StreamFields::speed),
            object("acceleration", POINT),
            bool("moving"),
            number("confidence"),
            number("missed_frames"));

    /** The cue stick, when the frame showed one (absent otherwise). */
    private static final FieldSchema CUE = FieldSchema.of(
            object("tip", POINT),
            object("tip_pixel", POINT),
            number("angle_deg"),
            number("pixel_angle_deg"),
            number("confidence"));

    private static final FieldSchema TRAJECTORY = FieldSchema.of(
            number("frame"),
            number("captured_at_us"),
            number("cue_ball_id"),
            object("shot", FieldSchema.of(number("angle_deg"), number("aim_sigma_deg"), number("speed_mm_s"),
                    number("speed_min_mm_s"), number("speed_max_mm_s"), text("speed_source",
                    Arrays.stream(ShotEstimate.SpeedSource.values()).map(ShotEstimate.SpeedSource::wireName).toList()))),
            number("first_ball_hit"),
            object("ghost_ball", FieldSchema.of(number("object_ball_id"), object("position", POINT))),
            list("paths", FieldSchema.of(number("id"),
                    list("points", FieldSchema.of(number("t"), number("x"), number("y"))))),
            // balls: the ids of the one or two balls, a list of numbers with no fields of its own.
            list("collisions", FieldSchema.of(text("type", List.of("ball", "cushion")), number("time"),
                    list("balls", FieldSchema.of()), object("position", POINT), text("cushion", List.of()))),
            list("pocket_entries", FieldSchema.of(number("id"), text("pocket", List.of()), number("time"),
                    object("position", POINT))),
            list("resting_positions", FieldSchema.of(number("id"), object("position", POINT))),
            number("duration_s"),
            number("confidence"),
            number("samples"),
            number("calculation_time_ms"));

    private static final Map<Stream, FieldSchema> SCHEMAS = Map.of(
            Stream.STATE, FieldSchema.of(
                    number("frame"),
                    number("captured_at_us"),
                    object("table", FieldSchema.of(bool("found"), text("size", List.of()),
                            number("length_mm"), number("width_mm"), list("corners_px", POINT))),
                    number("ball_count"),
                    list("balls", BALL),
                    object("cue", CUE)),
            Stream.TRAJECTORY, TRAJECTORY,
            Stream.ALERT, FieldSchema.of(
                    levels("level", ALERT_LEVELS),
                    text("message", List.of()),
                    text("code", List.of()),
                    object("details", FieldSchema.of(text("source", List.of())))));

    private StreamFields() {
    }

    static Optional<FieldSchema> of(Stream stream) {
        return Optional.ofNullable(SCHEMAS.get(stream));
    }

    static String streamsWithFields() {
        return Arrays.stream(Stream.values()).filter(SCHEMAS::containsKey).map(Stream::wireName)
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }

    /** A ball's speed in mm/s, from its velocity; absent when the velocity is. */
    private static JsonNode speed(JsonNode ball) {
        JsonNode velocity = ball.get("velocity");
        if (velocity == null || !velocity.path("x").isNumber() || !velocity.path("y").isNumber()) {
            return null;
        }
        return DoubleNode.valueOf(Math.hypot(velocity.get("x").doubleValue(), velocity.get("y").doubleValue()));
    }
}

package io.cuecast.state;

import io.cuecast.vision.CueDetection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link TableState} into the {@code data} of a {@code state} message (see docs/PROTOCOL.md). */
public final class StateMessages {
    private StateMessages() {
    }

    public static Map<String, Object> toWire(TableState state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("frame", state.frameSequence());
        data.put("captured_at_us", state.capturedAtUs());
        data.put("table", table(state));
        data.put("ball_count", state.balls().size());
        data.put("balls", state.balls().stream().map(StateMessages::ball).toList());
        if (state.cue() != null) {
            data.put("cue", cue(state.cue()));
        }
        return data;
    }

    private static Map<String, Object> cue(CueDetection cue) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("tip", xy(cue.tipXMm(), cue.tipYMm(), 10));
        wire.put("tip_pixel", xy(cue.tipPx(), cue.tipPy(), 100));
        wire.put("angle_deg", round(cue.tableAngleDeg(), 100));
        wire.put("pixel_angle_deg", round(cue.angleDeg(), 100));
        wire.put("confidence", round(cue.confidence(), 1000));
        return wire;
    }

    private static Map<String, Object> table(TableState state) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("found", state.tableFound());
        if (state.table() != null) {
            table.put("size", state.table().name());
            table.put("length_mm", state.table().lengthMm());
            table.put("width_mm", state.table().widthMm());
        }
        if (!state.cornersPx().isEmpty()) {
            table.put("corners_px", state.cornersPx().stream().map(corner -> xy(corner.x(), corner.y(), 100)).toList());
        }
        return table;
    }

    private static Map<String, Object> ball(TrackedBall ball) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", ball.id());
        wire.put("type", ball.type().wireName());
        wire.put("number", ball.number());
        wire.put("position", xy(ball.xMm(), ball.yMm(), 10));
        wire.put("pixel", xy(ball.px(), ball.py(), 100));
        wire.put("velocity", xy(ball.vxMmPerS(), ball.vyMmPerS(), 10));
        wire.put("acceleration", xy(ball.axMmPerS2(), ball.ayMmPerS2(), 10));
        wire.put("moving", ball.moving());
        wire.put("confidence", round(ball.confidence(), 1000));
        wire.put("missed_frames", ball.missedFrames());
        return wire;
    }

    private static Map<String, Double> xy(double x, double y, double scale) {
        Map<String, Double> point = new LinkedHashMap<>();
        point.put("x", round(x, scale));
        point.put("y", round(y, scale));
        return point;
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}

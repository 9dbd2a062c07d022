package io.cuecast.vision.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.CueDetection;
import io.cuecast.vision.Detection;
import org.opencv.core.Point;

/**
 * One frame's line of the {@code detect} command's output: the frame, the table's corners (or
 * null), the balls in pixels, and the cue stick's tip in pixels and direction (butt to tip, degrees,
 * y down), or null when no stick was seen.
 */
final class DetectionLine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DetectionLine() {
    }

    static String of(String source, long frame, int width, int height, double elapsedMs, Detection detection) {
        ObjectNode line = JSON.createObjectNode();
        line.put("source", source).put("frame", frame).put("width", width).put("height", height)
                .put("elapsed_ms", round(elapsedMs, 100));
        if (detection.table() == null) {
            line.putNull("table");
        } else {
            ArrayNode corners = line.putObject("table").putArray("corners");
            for (Point corner : detection.table().cornersPx()) {
                corners.addArray().add(round(corner.x, 100)).add(round(corner.y, 100));
            }
        }
        ArrayNode balls = line.putArray("balls");
        for (BallDetection ball : detection.balls()) {
            ObjectNode json = balls.addObject().put("x", round(ball.px(), 100)).put("y", round(ball.py(), 100))
                    .put("r", round(ball.radiusPx(), 100)).put("type", ball.type().wireName());
            if (ball.number() == null) {
                json.putNull("number");
            } else {
                json.put("number", ball.number());
            }
            json.put("confidence", round(ball.confidence(), 1000));
        }
        CueDetection cue = detection.cue();
        if (cue == null) {
            line.putNull("cue");
        } else {
            ObjectNode json = line.putObject("cue");
            json.putArray("tip").add(round(cue.tipPx(), 100)).add(round(cue.tipPy(), 100));
            json.put("angle_deg", round(cue.angleDeg(), 100)).put("confidence", round(cue.confidence(), 1000));
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}

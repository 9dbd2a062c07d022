package io.cuecast.physics.prediction;

import io.cuecast.physics.ShotEvent;
import io.cuecast.physics.ShotOutcome.PathPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link Prediction} into the {@code data} of a {@code trajectory} message (see docs/PROTOCOL.md). */
public final class TrajectoryMessages {
    private TrajectoryMessages() {
    }

    public static Map<String, Object> toWire(Prediction prediction) {
        ShotEstimate shot = prediction.shot();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("frame", prediction.frameSequence());
        data.put("captured_at_us", prediction.capturedAtUs());
        data.put("cue_ball_id", shot.aim().cueBallId());
        data.put("shot", shot(shot));
        Prediction.Result result = ShotPredictor.resultOf(prediction.outcome(), shot.aim().cueBallId());
        data.put("first_ball_hit", result.firstBallHit());
        data.put("ghost_ball", ghostBall(prediction.ghostBall()));
        data.put("paths", paths(prediction.outcome().paths()));
        data.put("collisions", collisions(prediction.outcome().collisions()));
        data.put("pocket_entries", prediction.outcome().pocketEntries().stream().map(TrajectoryMessages::pocketEntry).toList());
        data.put("resting_positions", resting(prediction.outcome().restingPositions()));
        data.put("duration_s", round(prediction.outcome().durationSeconds(), 1000));
        data.put("confidence", round(prediction.confidence(), 1000));
        data.put("samples", prediction.samples());
        data.put("calculation_time_ms", round(prediction.calculationTimeMs(), 1000));
        return data;
    }

    private static Map<String, Object> shot(ShotEstimate shot) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("angle_deg", round(Math.toDegrees(shot.aim().angleRad()), 100));
        wire.put("aim_sigma_deg", round(Math.toDegrees(shot.aim().sigmaRad()), 1000));
        wire.put("speed_mm_s", round(shot.speedMmPerS(), 1));
        wire.put("speed_min_mm_s", round(shot.minSpeedMmPerS(), 1));
        wire.put("speed_max_mm_s", round(shot.maxSpeedMmPerS(), 1));
        wire.put("speed_source", shot.speedSource().wireName());
        return wire;
    }

    private static Map<String, Object> ghostBall(Prediction.GhostBall ghost) {
        if (ghost == null) {
            return null;
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("object_ball_id", ghost.objectBallId());
        wire.put("position", xy(ghost.x(), ghost.y()));
        return wire;
    }

    /** The balls that move, each with its centre's polyline; a ball that stays put has no path. */
    private static List<Map<String, Object>> paths(Map<Integer, List<PathPoint>> paths) {
        List<Map<String, Object>> wire = new ArrayList<>();
        paths.forEach((id, points) -> {
            if (points.size() > 1) {
                Map<String, Object> path = new LinkedHashMap<>();
                path.put("id", id);
                path.put("points", points.stream().map(TrajectoryMessages::point).toList());
                wire.add(path);
            }
        });
        return wire;
    }

    private static Map<String, Object> point(PathPoint point) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("t", round(point.time(), 1000));
        wire.put("x", round(point.x(), 10));
        wire.put("y", round(point.y(), 10));
        return wire;
    }

    private static List<Map<String, Object>> collisions(List<ShotEvent> collisions) {
        List<Map<String, Object>> wire = new ArrayList<>();
        for (ShotEvent event : collisions) {
            Map<String, Object> collision = new LinkedHashMap<>();
            if (event instanceof ShotEvent.BallCollision hit) {
                collision.put("type", "ball");
                collision.put("time", round(hit.time(), 1000));
                collision.put("balls", List.of(hit.ball(), hit.otherBall()));
                collision.put("position", xy(hit.x(), hit.y()));
            } else if (event instanceof ShotEvent.CushionCollision bounce) {
                collision.put("type", "cushion");
                collision.put("time", round(bounce.time(), 1000));
                collision.put("balls", List.of(bounce.ball()));
                collision.put("position", xy(bounce.x(), bounce.y()));
                collision.put("cushion", bounce.cushion());
            }
            wire.add(collision);
        }
        return wire;
    }

    private static Map<String, Object> pocketEntry(ShotEvent.PocketEntry entry) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", entry.ball());
        wire.put("pocket", entry.pocket());
        wire.put("time", round(entry.time(), 1000));
        wire.put("position", xy(entry.x(), entry.y()));
        return wire;
    }

    private static List<Map<String, Object>> resting(Map<Integer, PathPoint> resting) {
        List<Map<String, Object>> wire = new ArrayList<>();
        resting.forEach((id, point) -> {
            Map<String, Object> ball = new LinkedHashMap<>();
            ball.put("id", id);
            ball.put("position", xy(point.x(), point.y()));
            wire.add(ball);
        });
        return wire;
    }

    private static Map<String, Double> xy(double x, double y) {
        Map<String, Double> point = new LinkedHashMap<>();
        point.put("x", round(x, 10));
        point.put("y", round(y, 10));
        return point;
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}

package io.cuecast.physics;

import java.util.List;
import java.util.Map;

/**
 * What a simulated shot did, as a {@code trajectory} message will carry it.
 *
 * @param events          everything that happened, in time order
 * @param paths           each ball's centre as a polyline with times, under its id; a ball that
 *                        never moved has one point. Curved (sliding) stretches are sampled
 * @param restingPositions where each ball still on the table came to rest
 * @param durationSeconds  when the last ball stopped
 * @param complete         false if the simulation gave up after too many events
 */
public record ShotOutcome(List<ShotEvent> events, Map<Integer, List<PathPoint>> paths,
                          Map<Integer, PathPoint> restingPositions, double durationSeconds, boolean complete) {

    /** A ball's centre at a time (seconds after the strike), in table mm. */
    public record PathPoint(double time, double x, double y) {
    }

    /** The ball–ball and ball–cushion collisions. */
    public List<ShotEvent> collisions() {
        return events.stream()
                .filter(e -> e instanceof ShotEvent.BallCollision || e instanceof ShotEvent.CushionCollision)
                .toList();
    }

    public List<ShotEvent.PocketEntry> pocketEntries() {
        return events.stream()
                .filter(ShotEvent.PocketEntry.class::isInstance)
                .map(ShotEvent.PocketEntry.class::cast)
                .toList();
    }
}

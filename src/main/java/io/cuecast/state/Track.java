package io.cuecast.state;

import io.cuecast.table.BallType;
import io.cuecast.vision.BallDetection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One ball followed across frames: its last position, a smoothed velocity, and decaying votes for
 * its type and number so that one misclassified frame does not flip its identity.
 */
final class Track {
    private static final double VELOCITY_SMOOTHING = 0.5;
    private static final double VOTE_DECAY = 0.9;

    final int id;
    private BallDetection last;
    private long lastSeenUs;
    private double vx;
    private double vy;
    private int missedFrames;
    private final Map<BallType, Double> typeVotes = new EnumMap<>(BallType.class);
    private final Map<Integer, Double> numberVotes = new HashMap<>();

    Track(int id, BallDetection first, long seenAtUs) {
        this.id = id;
        this.last = first;
        this.lastSeenUs = seenAtUs;
        vote(first);
    }

    /** Where the ball should be at {@code atUs}, moving on at its current velocity. */
    double predictedX(long atUs) {
        return last.xMm() + vx * (atUs - lastSeenUs) / 1e6;
    }

    double predictedY(long atUs) {
        return last.yMm() + vy * (atUs - lastSeenUs) / 1e6;
    }

    void observe(BallDetection detection, long seenAtUs) {
        double dt = (seenAtUs - lastSeenUs) / 1e6;
        if (dt > 0) {
            double measuredVx = (detection.xMm() - last.xMm()) / dt;
            double measuredVy = (detection.yMm() - last.yMm()) / dt;
            vx = VELOCITY_SMOOTHING * measuredVx + (1 - VELOCITY_SMOOTHING) * vx;
            vy = VELOCITY_SMOOTHING * measuredVy + (1 - VELOCITY_SMOOTHING) * vy;
        }
        last = detection;
        lastSeenUs = seenAtUs;
        missedFrames = 0;
        vote(detection);
    }

    void miss() {
        missedFrames++;
    }

    int missedFrames() {
        return missedFrames;
    }

    private void vote(BallDetection detection) {
        typeVotes.replaceAll((type, weight) -> weight * VOTE_DECAY);
        numberVotes.replaceAll((number, weight) -> weight * VOTE_DECAY);
        double weight = Math.max(0.05, detection.confidence());
        if (detection.type() != BallType.UNKNOWN) {
            typeVotes.merge(detection.type(), weight, Double::sum);
        }
        if (detection.number() != null) {
            numberVotes.merge(detection.number(), weight, Double::sum);
        }
    }

    private BallType votedType() {
        return typeVotes.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(BallType.UNKNOWN);
    }

    /** The number the votes favour, when it agrees with the voted type; else null. */
    Integer votedNumber() {
        BallType type = votedType();
        return numberVotes.entrySet().stream()
                .filter(e -> agrees(type, e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    TrackedBall snapshot() {
        BallType type = votedType();
        Integer number = votedNumber();
        double confidence = last.confidence() * Math.pow(0.8, missedFrames);
        return new TrackedBall(id, type, number, last.xMm(), last.yMm(), last.px(), last.py(),
                vx, vy, confidence, missedFrames);
    }

    /** A number only stands when it belongs to the winning type (3 is never a stripe). */
    private static boolean agrees(BallType type, int number) {
        return switch (type) {
            case CUE -> number == 0;
            case EIGHT -> number == 8;
            case SOLID -> number >= 1 && number <= 7;
            case STRIPE -> number >= 9 && number <= 15;
            case UNKNOWN -> false;
        };
    }
}

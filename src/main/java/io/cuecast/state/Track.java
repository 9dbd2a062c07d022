package io.cuecast.state;

import io.cuecast.table.BallType;
import io.cuecast.vision.BallDetection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One ball followed across frames: a Kalman filter per axis for where it is and how it moves,
 * whether it is moving or at rest (with hysteresis, so that detection noise does not flicker it),
 * and decaying votes for its type and number so that one misclassified frame does not flip its
 * identity.
 */
final class Track {
    /**
     * Jerk noise (mm²/s⁵): lets the estimated deceleration follow a ball that goes from sliding to
     * rolling to rest, while a resting ball's speed stays near zero.
     */
    private static final double JERK_DENSITY = 5e4;
    /**
     * A measurement this far from the prediction (squared, in standard deviations, both axes) is
     * something the model cannot explain (a strike, a collision, a cushion), not noise: chance
     * would give it once in 270 000 frames.
     */
    static final double KICK_DISTANCE_SQUARED = 25;
    private static final double VOTE_DECAY = 0.9;

    final int id;
    private final AxisFilter x;
    private final AxisFilter y;
    private final RecentPath path = new RecentPath();
    private double px;
    private double py;
    private double confidence;
    private long updatedUs;
    private long lastSeenUs;
    /** Where the estimate was before the last prediction: the path this frame runs from there. */
    private double fromX;
    private double fromY;
    private double seenX;
    private double seenY;
    private double seenVx;
    private double seenVy;
    private int missedFrames;
    private boolean moving;
    private boolean kicked;
    private int slowFrames;
    private long kickedAtUs;
    /** Whether its rest began as a roll slowed down, not by being put down or first seen. */
    private boolean rolledToRest;
    /** Since when the ball has been slow, judged from its path in the first of the slow frames. */
    private long slowSinceUs;
    /** When it came to rest, or was first seen at rest. */
    private long atRestSinceUs;
    private long exposedUntilUs;
    private boolean movingWhenSeen;
    /** Relocated and not seen since: it may have been set rolling rather than put down. */
    private boolean placed;
    private final Map<BallType, Double> typeVotes = new EnumMap<>(BallType.class);
    private final Map<Integer, Double> numberVotes = new HashMap<>();
    private BallType votedType = BallType.UNKNOWN;
    private Integer votedNumber;

    Track(int id, BallDetection first, long seenAtUs, double measurementVariance) {
        this.id = id;
        this.x = new AxisFilter(first.xMm(), measurementVariance);
        this.y = new AxisFilter(first.yMm(), measurementVariance);
        this.updatedUs = seenAtUs;
        this.atRestSinceUs = seenAtUs;
        seen(first, seenAtUs);
    }

    /** Moves the estimate on to {@code atUs}; a ball unseen for too long, or at rest, stays put. */
    void predict(long atUs, boolean holdStill) {
        double dt = (atUs - updatedUs) / 1e6;
        fromX = x.position();
        fromY = y.position();
        if (holdStill && moving) {
            moving = false;
            atRestSinceUs = atUs;
        }
        if (!moving) {
            x.stop();
            y.stop();
        }
        if (dt > 0) {
            x.predict(dt, JERK_DENSITY);
            y.predict(dt, JERK_DENSITY);
        }
        updatedUs = atUs;
        kicked = false;
    }

    /** The squared distance of a detection from the prediction, in standard deviations. */
    double distanceSquared(BallDetection detection, double measurementVariance) {
        double dx = detection.xMm() - x.position();
        double dy = detection.yMm() - y.position();
        return dx * dx / x.innovationVariance(measurementVariance) + dy * dy / y.innovationVariance(measurementVariance);
    }

    /** How close the path from before the prediction to the prediction passes to (x, y). */
    double pathMissMm(double px, double py) {
        return segmentMissMm(fromX, fromY, x.position(), y.position(), px, py);
    }

    /** How close the segment from (x0, y0) to (x1, y1) passes to (px, py). */
    static double segmentMissMm(double x0, double y0, double x1, double y1, double px, double py) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length2));
        return length(x0 + t * dx - px, y0 + t * dy - py);
    }

    double xMm() {
        return x.position();
    }

    double yMm() {
        return y.position();
    }

    double distanceMm(BallDetection detection) {
        return length(detection.xMm() - x.position(), detection.yMm() - y.position());
    }

    double distanceMm(Track other) {
        return length(other.xMm() - x.position(), other.yMm() - y.position());
    }

    /** For the assignment's every pair of track and detection: Math.hypot guards against overflow millimetres never reach, at many times the cost. */
    private static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    void observe(BallDetection detection, long seenAtUs, TrackingLimits limits) {
        double variance = limits.measurementNoiseMm() * limits.measurementNoiseMm();
        if (distanceSquared(detection, variance) > KICK_DISTANCE_SQUARED) {
            // Restart the motion from the last two positions: the old velocity no longer holds.
            double dt = Math.max(1e-3, (seenAtUs - lastSeenUs) / 1e6);
            x.restart(detection.xMm(), (detection.xMm() - seenX) / dt, variance, dt);
            y.restart(detection.yMm(), (detection.yMm() - seenY) / dt, variance, dt);
            kicked = true;
        } else {
            x.update(detection.xMm(), variance);
            y.update(detection.yMm(), variance);
        }
        seen(detection, seenAtUs);
        settleMotion(limits);
        movingWhenSeen = moving;
        placed = false;
    }

    private void seen(BallDetection detection, long seenAtUs) {
        path.add(seenAtUs, detection.xMm(), detection.yMm());
        px = detection.px();
        py = detection.py();
        confidence = detection.confidence();
        lastSeenUs = seenAtUs;
        seenX = x.position();
        seenY = y.position();
        seenVx = x.velocity();
        seenVy = y.velocity();
        missedFrames = 0;
        vote(detection);
    }

    /**
     * Moving from a kick on; at rest once slow for {@code restFrames} frames in a row. From then
     * until when it came to rest is known ({@link TrackingLimits#restKnownAfterUs}), that is judged
     * again from where it stopped.
     */
    private void settleMotion(TrackingLimits limits) {
        if (kicked) {
            moving = true;
            slowFrames = 0;
            kickedAtUs = lastSeenUs;
        } else if (moving) {
            // Judged from the path, not the filter, whose velocity lags a slide turning into a roll.
            OptionalLong slowSince = path.slowSinceUs(limits.restSpeedMmPerS(), limits.measurementNoiseMm());
            slowFrames = slowSince.isPresent() ? slowFrames + 1 : 0;
            if (slowFrames == 1) {
                // It moved at its kick, whatever a fit through points from before it says.
                slowSinceUs = Math.max(slowSince.getAsLong(), kickedAtUs);
            }
            if (slowFrames >= limits.restFrames()) {
                moving = false;
                rolledToRest = true;
                atRestSinceUs = slowSinceUs;
                x.stop();
                y.stop();
                redateRest(limits);
            }
        } else if (rolledToRest && lastSeenUs - atRestSinceUs <= limits.restKnownAfterUs()) {
            redateRest(limits);
        }
    }

    private void redateRest(TrackingLimits limits) {
        path.cameToRestUs(limits, kickedAtUs)
                .ifPresent(since -> atRestSinceUs = since);
    }

    /** The ball was picked up and put down elsewhere: start again there, at rest. */
    void relocate(BallDetection detection, long seenAtUs, double measurementVariance) {
        x.restart(detection.xMm(), 0, measurementVariance, 1);
        y.restart(detection.yMm(), 0, measurementVariance, 1);
        x.stop();
        y.stop();
        path.clear();
        moving = false;
        rolledToRest = false;
        atRestSinceUs = seenAtUs;
        placed = true;
        updatedUs = seenAtUs;
        seen(detection, seenAtUs);
    }

    boolean placed() {
        return placed;
    }

    /** Until when a moving ball may have set this one moving unforeseen (see {@link BallTracker}). */
    long exposedUntilUs() {
        return exposedUntilUs;
    }

    void exposeUntil(long untilUs) {
        exposedUntilUs = Math.max(exposedUntilUs, untilUs);
    }

    void miss() {
        missedFrames++;
    }

    int missedFrames() {
        return missedFrames;
    }

    long lastSeenUs() {
        return lastSeenUs;
    }

    double seenX() {
        return seenX;
    }

    double seenY() {
        return seenY;
    }

    double seenVx() {
        return seenVx;
    }

    double seenVy() {
        return seenVy;
    }

    boolean moving() {
        return moving;
    }

    /** The filter's speed now, moving or not. */
    double speedMmPerS() {
        return Math.hypot(x.velocity(), y.velocity());
    }

    /**
     * Whether it was last seen within {@code creepUs} of rolling to rest: "at rest" is slower than
     * the rest speed, so it may have crept on since, as a ball at the lip of a pocket does before it drops.
     */
    boolean mayHaveCreptOnSince(long creepUs) {
        return rolledToRest && !moving && lastSeenUs - atRestSinceUs <= creepUs;
    }

    /** Whether it was moving when it was last seen: held still since, it may have rolled on. */
    boolean movingWhenSeen() {
        return movingWhenSeen;
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
        // Counted once here, as the assignment asks for them for every pair.
        votedType = typeVotes.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(BallType.UNKNOWN);
        votedNumber = numberVotes.entrySet().stream()
                .filter(e -> agrees(votedType, e.getKey()))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    BallType votedType() {
        return votedType;
    }

    /** The number the votes favour, when it agrees with the voted type; else null. */
    Integer votedNumber() {
        return votedNumber;
    }

    TrackedBall snapshot() {
        double shownConfidence = confidence * Math.pow(0.8, missedFrames);
        // A resting ball is still: what the filter makes of the noise is not motion.
        double motion = moving ? 1 : 0;
        return new TrackedBall(id, votedType, votedNumber, x.position(), y.position(), px, py,
                motion * x.velocity(), motion * y.velocity(), motion * x.acceleration(), motion * y.acceleration(),
                moving, kicked, shownConfidence, missedFrames, atRestSinceUs);
    }

    /**
     * A number only stands when it belongs to the winning type (3 is never a stripe). Snooker's
     * balls carry none: their colour is their identity.
     */
    static boolean agrees(BallType type, int number) {
        return switch (type) {
            case CUE -> number == 0;
            case EIGHT -> number == 8;
            case SOLID -> number >= 1 && number <= 7;
            case STRIPE -> number >= 9 && number <= 15;
            default -> false;
        };
    }
}

package io.cuecast.state;

import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Comparator;
import java.util.List;

/**
 * Gives each detected ball a stable id from frame to frame.
 *
 * <p>Each track predicts where its ball is now from its velocity; detections are paired with the
 * nearest predictions, closest pairs first, within a gate as far as the fastest ball can travel in
 * the elapsed time. A detection whose number contradicts the track's counts as farther away, so
 * that when balls scatter from a collision each keeps following its own number. A track that finds no detection coasts for up to {@code maxMissedFrames}
 * frames (a ball hidden for a frame by the cue keeps its id), then ends. This greedy pairing is
 * the first version; the tracking issue replaces it with a Kalman filter and optimal assignment.
 *
 * <p>Not thread-safe: one tracker follows one camera.
 */
public final class BallTracker {
    private final double minGateMm;
    /** Live-configurable: replaced whole, read once per frame. */
    private volatile Limits limits;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;
    private long lastFrameUs = -1;

    /**
     * @param maxSpeedMmPerS  the fastest a ball moves (a hard break is about 8 m/s)
     * @param minGateMm       the least distance a detection may be from its track's prediction
     * @param maxMissedFrames how many frames in a row a ball may go unseen and keep its id
     */
    public BallTracker(double maxSpeedMmPerS, double minGateMm, int maxMissedFrames) {
        this.minGateMm = minGateMm;
        setLimits(maxSpeedMmPerS, maxMissedFrames);
    }

    private record Limits(double maxSpeedMmPerS, int maxMissedFrames) {
    }

    /** Changes the speed and coasting limits from the next frame on; safe from any thread. */
    public void setLimits(double maxSpeedMmPerS, int maxMissedFrames) {
        if (maxSpeedMmPerS <= 0 || maxMissedFrames < 0) {
            throw new IllegalArgumentException("max speed must be > 0 and missed frames >= 0");
        }
        this.limits = new Limits(maxSpeedMmPerS, maxMissedFrames);
    }

    public TableState update(Detection detection) {
        Limits limits = this.limits;
        long now = detection.capturedAtUs();
        double elapsed = lastFrameUs < 0 ? 0 : Math.max(0, now - lastFrameUs) / 1e6;
        double gate = Math.max(minGateMm, limits.maxSpeedMmPerS() * elapsed);
        lastFrameUs = now;

        // Identity sets: two detections may be equal records, yet each must pair at most once.
        Set<BallDetection> unmatched = Collections.newSetFromMap(new IdentityHashMap<>());
        unmatched.addAll(detection.balls());
        Set<Track> unseen = Collections.newSetFromMap(new IdentityHashMap<>());
        unseen.addAll(tracks);
        for (Pairing pair : pairingsWithin(gate, now, detection.balls(), tracks)) {
            if (unmatched.contains(pair.detection) && unseen.contains(pair.track)) {
                pair.track.observe(pair.detection, now);
                unmatched.remove(pair.detection);
                unseen.remove(pair.track);
            }
        }
        unseen.forEach(Track::miss);
        tracks.removeIf(track -> track.missedFrames() > limits.maxMissedFrames());
        // In detection order, so that the same frames always get the same ids.
        detection.balls().stream().filter(unmatched::contains)
                .forEach(fresh -> tracks.add(new Track(nextId++, fresh, now)));
        List<TrackedBall> balls = tracks.stream().map(Track::snapshot)
                .sorted(Comparator.comparingInt(TrackedBall::id)).toList();
        return new TableState(detection.frameSequence(), now,
                detection.tableFound() ? detection.table().spec() : null, detection.tableFound(), balls);
    }

    /** How much farther a detection seems when its number differs from the track's: two ball diameters. */
    private static final double NUMBER_MISMATCH_MM = 115;

    private record Pairing(Track track, BallDetection detection, double cost) {
    }

    private static List<Pairing> pairingsWithin(double gate, long now, List<BallDetection> detections,
                                                List<Track> candidates) {
        List<Pairing> pairs = new ArrayList<>();
        for (Track track : candidates) {
            double x = track.predictedX(now);
            double y = track.predictedY(now);
            Integer number = track.votedNumber();
            for (BallDetection d : detections) {
                double distance = Math.hypot(d.xMm() - x, d.yMm() - y);
                if (distance <= gate) {
                    boolean contradicts = number != null && d.number() != null && !number.equals(d.number());
                    pairs.add(new Pairing(track, d, distance + (contradicts ? NUMBER_MISMATCH_MM : 0)));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pairing::cost));
        return pairs;
    }
}

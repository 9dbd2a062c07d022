package io.cuecast.state;

import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Gives each detected ball a stable id from frame to frame.
 *
 * <p>Each track predicts where its ball is now from its velocity; detections are paired with the
 * nearest predictions, closest pairs first, within a gate as far as the fastest ball can travel in
 * the elapsed time. A track that finds no detection coasts for up to {@code maxMissedFrames}
 * frames (a ball hidden for a frame by the cue keeps its id), then ends. This greedy pairing is
 * the first version; the tracking issue replaces it with a Kalman filter and optimal assignment.
 *
 * <p>Not thread-safe: one tracker follows one camera.
 */
public final class BallTracker {
    private final double maxSpeedMmPerS;
    private final double minGateMm;
    private final int maxMissedFrames;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;
    private long lastFrameUs = -1;

    /**
     * @param maxSpeedMmPerS  the fastest a ball moves (a hard break is about 8 m/s)
     * @param minGateMm       the least distance a detection may be from its track's prediction
     * @param maxMissedFrames how many frames in a row a ball may go unseen and keep its id
     */
    public BallTracker(double maxSpeedMmPerS, double minGateMm, int maxMissedFrames) {
        this.maxSpeedMmPerS = maxSpeedMmPerS;
        this.minGateMm = minGateMm;
        this.maxMissedFrames = maxMissedFrames;
    }

    public TableState update(Detection detection) {
        long now = detection.capturedAtUs();
        double elapsed = lastFrameUs < 0 ? 0 : Math.max(0, now - lastFrameUs) / 1e6;
        double gate = Math.max(minGateMm, maxSpeedMmPerS * elapsed);
        lastFrameUs = now;

        List<BallDetection> unmatched = new ArrayList<>(detection.balls());
        List<Track> unseen = new ArrayList<>(tracks);
        for (Pairing pair : pairingsWithin(gate, now, unmatched, unseen)) {
            if (unmatched.contains(pair.detection) && unseen.contains(pair.track)) {
                pair.track.observe(pair.detection, now);
                unmatched.remove(pair.detection);
                unseen.remove(pair.track);
            }
        }
        unseen.forEach(Track::miss);
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            if (it.next().missedFrames() > maxMissedFrames) {
                it.remove();
            }
        }
        for (BallDetection fresh : unmatched) {
            tracks.add(new Track(nextId++, fresh, now));
        }
        List<TrackedBall> balls = tracks.stream().map(Track::snapshot)
                .sorted(Comparator.comparingInt(TrackedBall::id)).toList();
        return new TableState(detection.frameSequence(), now,
                detection.tableFound() ? detection.table().spec() : null, detection.tableFound(), balls);
    }

    private record Pairing(Track track, BallDetection detection, double distance) {
    }

    private static List<Pairing> pairingsWithin(double gate, long now, List<BallDetection> detections,
                                                List<Track> candidates) {
        List<Pairing> pairs = new ArrayList<>();
        for (Track track : candidates) {
            double x = track.predictedX(now);
            double y = track.predictedY(now);
            for (BallDetection d : detections) {
                double distance = Math.hypot(d.xMm() - x, d.yMm() - y);
                if (distance <= gate) {
                    pairs.add(new Pairing(track, d, distance));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pairing::distance));
        return pairs;
    }
}

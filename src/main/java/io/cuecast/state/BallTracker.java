package io.cuecast.state;

import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives each detected ball a stable id from frame to frame.
 *
 * <p>Each track predicts where its ball is now with a Kalman filter ({@link Track}). Detections are
 * paired with tracks by optimal assignment ({@link Assignment}) on a cost that weighs the distance
 * from the prediction in standard deviations (capped: a ball that was struck or hit may be anywhere
 * within reach) and, far above it, a contradiction between the detection's type or number and the
 * track's, so that balls that touch and scatter each keep following their own colours. A pair is
 * only possible within the distance the fastest ball travels since the track was last seen.
 *
 * <p>A track that finds no detection coasts along its prediction for {@code maxMissedFrames}
 * frames, then is held where it was (a ball hidden by a hand keeps its id). An unseen ball whose
 * path led into a pocket leaves as pocketed after {@value #POCKET_CONFIRM_FRAMES} frames; any other
 * leaves as lost after the grace time. A ball of known number that comes back (a respotted cue
 * ball, a re-rack, a ball put back by hand) gets its old id again.
 *
 * <p>Not thread-safe: one tracker follows one camera.
 */
public final class BallTracker {
    /** Frames a ball must be gone before it counts as pocketed, so that a single miss at the jaws is not. */
    static final int POCKET_CONFIRM_FRAMES = 3;
    /** Distances beyond this many standard deviations all cost the same: the ball was struck or hit. */
    private static final double DISTANCE_CAP = 50;
    /** Far above any distance: a colour that contradicts the track's is tried last. */
    private static final double TYPE_CONFLICT = 400;
    private static final double NUMBER_CONFLICT = 200;

    private final TableSpec table;
    private final double minGateMm;
    /** Live-configurable: replaced whole, read once per frame. */
    private volatile TrackingLimits limits;
    private final List<Track> tracks = new ArrayList<>();
    /** The id each ball of known number had when it last left the table. */
    private final Map<Integer, Integer> retiredIds = new HashMap<>();
    private int nextId = 1;
    private long lastFrameUs = -1;

    public BallTracker(TableSpec table, TrackingLimits limits) {
        this.table = Objects.requireNonNull(table, "table");
        this.minGateMm = 2 * table.ballDiameterMm();
        setLimits(limits);
    }

    /** Changes the limits from the next frame on; safe from any thread. */
    public void setLimits(TrackingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public TableState update(Detection detection) {
        TrackingLimits limits = this.limits;
        long now = detection.capturedAtUs();
        double frameSeconds = lastFrameUs < 0 ? 0 : Math.max(0, now - lastFrameUs) / 1e6;
        lastFrameUs = now;
        for (Track track : tracks) {
            track.predict(now, track.missedFrames() > limits.maxMissedFrames());
        }
        List<BallDetection> detections = detection.balls();
        int[] match = Assignment.solve(costs(detections, now, frameSeconds, limits));
        boolean[] taken = new boolean[detections.size()];
        for (int i = 0; i < tracks.size(); i++) {
            if (match[i] >= 0) {
                tracks.get(i).observe(detections.get(match[i]), now, limits);
                taken[match[i]] = true;
            } else {
                tracks.get(i).miss();
            }
        }
        List<TableState.Departure> departures = new ArrayList<>();
        tracks.removeIf(track -> {
            TableState.Departure departure = departureOf(track, now, limits);
            if (departure != null) {
                departures.add(departure);
                if (departure.ball().number() != null) {
                    retiredIds.put(departure.ball().number(), track.id);
                }
            }
            return departure != null;
        });
        List<TrackedBall> returns = new ArrayList<>();
        // In detection order, so that the same frames always get the same ids.
        for (int j = 0; j < detections.size(); j++) {
            if (!taken[j]) {
                place(detections.get(j), now, limits, returns);
            }
        }
        List<TrackedBall> balls = tracks.stream().map(Track::snapshot)
                .sorted(Comparator.comparingInt(TrackedBall::id)).toList();
        return new TableState(detection.frameSequence(), now,
                detection.tableFound() ? detection.table().spec() : null, detection.tableFound(), balls,
                departures, returns);
    }

    private double[][] costs(List<BallDetection> detections, long now, double frameSeconds, TrackingLimits limits) {
        double variance = limits.measurementNoiseMm() * limits.measurementNoiseMm();
        double[][] cost = new double[tracks.size()][detections.size()];
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            double unseen = Math.min((now - track.lastSeenUs()) / 1e6, (limits.maxMissedFrames() + 1) * frameSeconds);
            double gate = minGateMm + limits.maxSpeedMmPerS() * Math.max(unseen, frameSeconds);
            BallType type = track.votedType();
            Integer number = track.votedNumber();
            for (int j = 0; j < detections.size(); j++) {
                BallDetection d = detections.get(j);
                double distance = track.distanceMm(d);
                if (distance > gate) {
                    cost[i][j] = Assignment.FORBIDDEN;
                    continue;
                }
                boolean typeConflict = type != BallType.UNKNOWN && d.type() != BallType.UNKNOWN && type != d.type();
                boolean numberConflict = number != null && d.number() != null && !number.equals(d.number());
                cost[i][j] = Math.min(track.distanceSquared(d, variance), DISTANCE_CAP) + distance / gate
                        + (typeConflict ? TYPE_CONFLICT : 0) + (numberConflict ? NUMBER_CONFLICT : 0);
            }
        }
        return cost;
    }

    /** Why an unseen track leaves now, or null while it stays. */
    private TableState.Departure departureOf(Track track, long now, TrackingLimits limits) {
        if (track.missedFrames() >= POCKET_CONFIRM_FRAMES) {
            String pocket = pocketOnPath(track, now);
            if (pocket != null) {
                return new TableState.Departure(track.snapshot(), pocket);
            }
        }
        boolean graceOver = (now - track.lastSeenUs()) / 1e6 > limits.lostGraceSeconds();
        if (track.missedFrames() > limits.maxMissedFrames() && graceOver) {
            return new TableState.Departure(track.snapshot(), null);
        }
        return null;
    }

    /**
     * The pocket the ball was heading into when last seen: the one its straight path, from where it
     * was seen for as far as it could have rolled since, passes closest to, within the pocket's
     * capture radius and a ball radius for the error in the estimated direction.
     */
    private String pocketOnPath(Track track, long now) {
        double speed = Math.hypot(track.seenVx(), track.seenVy());
        if (!track.moving() || speed == 0) {
            return null;
        }
        double reach = speed * (now - track.lastSeenUs()) / 1e6 + table.ballRadiusMm();
        double ux = track.seenVx() / speed;
        double uy = track.seenVy() / speed;
        String best = null;
        double bestMiss = Double.POSITIVE_INFINITY;
        for (TableSpec.Pocket pocket : table.pockets()) {
            double along = Math.max(0, Math.min(reach, (pocket.x() - track.seenX()) * ux + (pocket.y() - track.seenY()) * uy));
            double miss = Math.hypot(track.seenX() + ux * along - pocket.x(), track.seenY() + uy * along - pocket.y());
            if (miss <= pocket.radiusMm() + table.ballRadiusMm() && miss < bestMiss) {
                best = pocket.name();
                bestMiss = miss;
            }
        }
        return best;
    }

    /**
     * A detection no track took: the ball of that number if it is known and not on the table (an
     * unseen track moves there, a departed ball comes back under its old id), else a new ball.
     */
    private void place(BallDetection detection, long now, TrackingLimits limits, List<TrackedBall> returns) {
        Integer number = detection.number();
        double variance = limits.measurementNoiseMm() * limits.measurementNoiseMm();
        if (number != null && Track.agrees(detection.type(), number)
                && tracks.stream().noneMatch(t -> t.missedFrames() == 0 && number.equals(t.votedNumber()))) {
            for (Track track : tracks) {
                if (track.missedFrames() > limits.maxMissedFrames() && number.equals(track.votedNumber())) {
                    track.relocate(detection, now, variance);
                    return;
                }
            }
            Integer retired = retiredIds.remove(number);
            if (retired != null) {
                Track back = new Track(retired, detection, now, variance);
                tracks.add(back);
                returns.add(back.snapshot());
                return;
            }
        }
        tracks.add(new Track(nextId++, detection, now, variance));
    }
}

package io.cuecast.state;

import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.BallDetection;
import io.cuecast.vision.Detection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives each detected ball a stable id from frame to frame.
 *
 * <p>Each track predicts where its ball is now with a Kalman filter ({@link Track}). Detections are
 * paired with tracks by optimal assignment ({@link Assignment}) on a cost that adds the squared
 * distance from the prediction in standard deviations to what a misread type or number is worth,
 * so that balls that touch and scatter each keep following their own colours. A ball that may have
 * been struck or hit (see {@link #mayBeKicked}) may be anywhere within reach at a fixed cost, reach
 * and nearness measured from its predicted path (a moving ball is hit somewhere along it), and any
 * other at a higher one, to be so only when nothing else explains the detections; any
 * track may instead go unseen, and any detection start a new ball, each at its own cost. A pair is
 * only possible within the distance the fastest ball travels since the track was last seen. A
 * pairing that sends one ball through another that stayed put is undone ({@link #untangle}).
 *
 * <p>A track that finds no detection coasts along its prediction for {@code maxMissedFrames}
 * frames, then is held where it was (a ball hidden by a hand keeps its id). An unseen ball whose
 * path led into a pocket leaves as pocketed after {@value #POCKET_CONFIRM_FRAMES} frames (one last
 * seen at rest in the jaws, after {@link #RESTING_DROP_CONFIRM_US} µs); any other leaves as lost
 * after the grace time. A ball of known number that comes back (a respotted cue
 * ball, a re-rack, a ball put back by hand) gets its old id again.
 *
 * <p>Not thread-safe: one tracker follows one camera.
 */
public final class BallTracker {
    /** Frames a ball must be gone before it counts as pocketed, so that a single miss at the jaws is not. */
    static final int POCKET_CONFIRM_FRAMES = 3;
    /**
     * How long a ball seen at rest in the jaws must be gone before it counts as pocketed: a ball at
     * rest that vanishes is more often hidden (a hand, the cue, a missed detection) than dropped.
     */
    private static final long RESTING_DROP_CONFIRM_US = 500_000;
    // Costs are squared distances in standard deviations, or what an unlikely event is worth on that
    // scale (about twice the negative log of its chance), so that they add up.
    /** A ball that may have been struck or hit: any detection in reach, the nearer the likelier. */
    private static final double KICK = 26;
    private static final double NEARER_PREFERRED = 2;
    /** The detector names another type (about 1 in 100) or another number (about 1 in 50). */
    private static final double TYPE_MISREAD = 9;
    private static final double NUMBER_MISREAD = 8;
    private static final double EXPOSED_SECONDS = 0.5;
    private static final long EXPOSED_SECONDS_US = (long) (EXPOSED_SECONDS * 1e6);
    /** A ball not detected in a frame (about 1 in 50). */
    private static final double UNSEEN = 8;
    /** A ball that was not on the table before: rare within a game. */
    private static final double NEW_BALL = 40;
    /**
     * A resting ball that no moving ball came near, set moving all the same: by a chain through
     * balls the tracker saw no contact between, within one frame (a stroke with the cue ball frozen
     * to a ball). Rarer than a foreseen kick, yet likelier than a new ball turning up beside a ball
     * that went unseen ({@value #NEW_BALL} + {@value #UNSEEN}), which is what it was taken for.
     */
    private static final double UNFORESEEN_KICK = 44;
    /** How much faster than the filters say two balls may have met: the filters lag after a kick. */
    private static final double KICK_SPEED_MARGIN = 1.5;
    /**
     * A ball seen with its own number where neither its motion nor a kick puts it: picked up and
     * put down (a rack set up, a ball put back by hand), about as rare as a new ball, and cheaper
     * than missing the track and starting a new one, so that it keeps its id. Taken for a kick, the
     * jump would set it flying at a made-up speed, taking its neighbours' detections.
     */
    private static final double CARRIED = NEW_BALL;
    /** A ball seen within this many diameters of where it was last seen has stayed (noise aside). */
    private static final double STILL_DIAMETERS = 0.1;
    /** Centres at least this many diameters apart were not touching much: the two were apart. */
    private static final double APART_DIAMETERS = 0.9;
    /** Centres closer than this many diameters are balls overlapping: impossible. */
    private static final double OVERLAP_DIAMETERS = 0.8;

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
        double[][] cost = costs(detections, now, frameSeconds, limits);
        int[] match = Assignment.solve(cost);
        untangle(match, cost, detections);
        boolean[] taken = new boolean[detections.size()];
        double variance = limits.measurementNoiseMm() * limits.measurementNoiseMm();
        for (int i = 0; i < tracks.size(); i++) {
            if (match[i] >= 0 && match[i] < detections.size() && contested(cost, match, i, detections.size())) {
                tracks.get(i).miss();
                taken[match[i]] = true;
            } else if (match[i] >= 0 && match[i] < detections.size()) {
                if (cost[i][match[i]] == CARRIED) {
                    tracks.get(i).relocate(detections.get(match[i]), now, variance);
                } else {
                    tracks.get(i).observe(detections.get(match[i]), now, limits);
                }
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

    /**
     * The assignment problem with a way out for everyone: tracks × detections, then a column per
     * track for "unseen this frame" and a row per detection for "a new ball". A pair is made only
     * when it costs less than missing the track and starting a new one together.
     */
    private double[][] costs(List<BallDetection> detections, long now, double frameSeconds, TrackingLimits limits) {
        double variance = limits.measurementNoiseMm() * limits.measurementNoiseMm();
        int n = tracks.size();
        int m = detections.size();
        double[][] cost = new double[n + m][m + n];
        for (double[] row : cost) {
            Arrays.fill(row, Assignment.FORBIDDEN);
        }
        boolean[] mayBeKicked = mayBeKicked(now, limits.restSpeedMmPerS());
        double[] kickReach = kickReach(now, frameSeconds);
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            double gate = reach(track, now, frameSeconds, limits);
            BallType type = track.votedType();
            Integer number = track.votedNumber();
            for (int j = 0; j < m; j++) {
                BallDetection d = detections.get(j);
                double distance = track.distanceMm(d);
                boolean itsNumber = readsAs(number, d);
                if (itsNumber) {
                    cost[i][j] = CARRIED;
                }
                double position = distance <= gate ? track.distanceSquared(d, variance) : Double.POSITIVE_INFINITY;
                // A ball just put down may instead have been set rolling: seen further on, it was.
                boolean kickable = mayBeKicked[i] || (track.placed() && itsNumber);
                // Hit on its way, a moving ball goes off from where it was hit, not from where it would have
                // got to; any other is at rest (a moving ball may always be kicked), its path a point.
                double fromPath = kickable ? track.pathMissMm(d.xMm(), d.yMm()) : distance;
                if (fromPath <= Math.min(gate, kickReach[i]) && (kickable || position > UNFORESEEN_KICK)) {
                    position = Math.min(position, (kickable ? KICK : UNFORESEEN_KICK)
                            + NEARER_PREFERRED * fromPath / table.ballDiameterMm());
                }
                if (position < Double.POSITIVE_INFINITY) {
                    boolean typeConflict = type != BallType.UNKNOWN && d.type() != BallType.UNKNOWN && type != d.type();
                    boolean numberConflict = number != null && d.number() != null && !number.equals(d.number());
                    cost[i][j] = Math.min(cost[i][j],
                            position + (typeConflict ? TYPE_MISREAD : 0) + (numberConflict ? NUMBER_MISREAD : 0));
                }
            }
            cost[i][m + i] = UNSEEN;
        }
        for (int j = 0; j < m; j++) {
            cost[n + j][j] = NEW_BALL;
            Arrays.fill(cost[n + j], m, m + n, 0);
        }
        return cost;
    }

    /**
     * Undoes pairings in which a ball's move since it was last seen passes through a ball that
     * stayed where it was: balls cannot pass through each other, and one that was run into moves.
     * The two swap detections instead, when the swap is possible at all: after a break's first
     * contact, the ball struck lands where its neighbour lay, which then lies farther on, and a
     * pairing that keeps the neighbour still and sends the struck ball on through it cost less.
     */
    private void untangle(int[] match, double[][] cost, List<BallDetection> detections) {
        int n = tracks.size();
        boolean[] moved = new boolean[n];
        boolean[] stayed = new boolean[n];
        for (int i = 0; i < n; i++) {
            judgeMovement(i, match, cost, detections, moved, stayed);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n && moved[i]; k++) {
                if (stayed[k] && passesThrough(tracks.get(i), detections.get(match[i]), detections.get(match[k]))
                        && cost[i][match[k]] < Assignment.FORBIDDEN && cost[k][match[i]] < Assignment.FORBIDDEN) {
                    int swapped = match[i];
                    match[i] = match[k];
                    match[k] = swapped;
                    judgeMovement(i, match, cost, detections, moved, stayed);
                    judgeMovement(k, match, cost, detections, moved, stayed);
                    break;
                }
            }
        }
    }

    /**
     * Whether track i, as now paired, moved since it was last seen (and was not picked up and put
     * down), or stayed where it lay at rest; once per track, not once per pair, on the hot path.
     */
    private void judgeMovement(int i, int[] match, double[][] cost, List<BallDetection> detections,
                               boolean[] moved, boolean[] stayed) {
        boolean paired = match[i] >= 0 && match[i] < detections.size();
        Track track = tracks.get(i);
        double shift = paired ? Math.hypot(detections.get(match[i]).xMm() - track.seenX(),
                detections.get(match[i]).yMm() - track.seenY()) : 0;
        double still = STILL_DIAMETERS * table.ballDiameterMm();
        moved[i] = paired && shift > still && cost[i][match[i]] != CARRIED;
        stayed[i] = paired && shift <= still && !track.moving();
    }

    /**
     * Whether a ball that moved (seen at {@code to}) went through one that stayed (seen at
     * {@code at}): the two were apart before, and the mover's way from where it was last seen
     * overlaps the stayer.
     */
    private boolean passesThrough(Track mover, BallDetection to, BallDetection at) {
        double diameter = table.ballDiameterMm();
        boolean apartBefore = Math.hypot(at.xMm() - mover.seenX(), at.yMm() - mover.seenY()) >= APART_DIAMETERS * diameter;
        return apartBefore && Track.segmentMissMm(mover.seenX(), mover.seenY(), to.xMm(), to.yMm(), at.xMm(), at.yMm())
                < OVERLAP_DIAMETERS * diameter;
    }

    /**
     * Whether a track left unseen could as well have had the detection paired with track i: two
     * balls set moving at once (a break), one missed and the other misread, so that only nearness
     * tells, and weakly. The detection then goes to neither: a wrong guess swaps the two balls' ids,
     * holding it back costs one frame of one ball.
     */
    private boolean contested(double[][] cost, int[] match, int i, int detections) {
        int j = match[i];
        for (int k = 0; k < tracks.size(); k++) {
            boolean unseen = match[k] < 0 || match[k] >= detections;
            if (k != i && unseen && cost[k][j] < cost[i][j] + NEARER_PREFERRED) {
                return true;
            }
        }
        return false;
    }

    /** Whether a detection reads as the track's number: it may be that ball wherever it is. */
    private static boolean readsAs(Integer number, BallDetection detection) {
        return number != null && number.equals(detection.number()) && Track.agrees(detection.type(), number);
    }

    /** How far from its prediction a track's ball can be: as far as the fastest ball goes while it was unseen. */
    private double reach(Track track, long now, double frameSeconds, TrackingLimits limits) {
        double unseen = Math.min((now - track.lastSeenUs()) / 1e6, (limits.maxMissedFrames() + 1) * frameSeconds);
        return minGateMm + limits.maxSpeedMmPerS() * Math.max(unseen, frameSeconds);
    }

    /**
     * Which tracks may have been set in motion since the last frame, so that a detection far from
     * their prediction can still be theirs: a moving ball (it may hit a ball or a cushion), the cue
     * ball and any ball within two diameters of it (it gets struck, and may hit one in the same
     * frame), and a resting ball that a moving ball's path reaches, or that touches one that may be
     * kicked (a break drives the whole rack at once). A resting ball that a ball
     * faster than the rest speed reaches, directly or through balls touching, stays exposed for
     * {@value #EXPOSED_SECONDS} s after, since a gentle hit may take a few frames to show. Only such
     * contact exposes a ball: touching balls at rest kept each other exposed for ever, and a ball
     * creeping to a stop exposed its whole cluster, so that a resting ball hidden in the jaws was
     * taken for pocketed. Any other resting ball is kicked only at a higher cost ({@link #UNFORESEEN_KICK}).
     */
    private boolean[] mayBeKicked(long now, double restSpeedMmPerS) {
        int n = tracks.size();
        double reach = 2 * table.ballDiameterMm();
        boolean[] pushing = new boolean[n];
        for (int i = 0; i < n; i++) {
            pushing[i] = tracks.get(i).moving() && tracks.get(i).speedMmPerS() >= restSpeedMmPerS;
        }
        boolean[] reached = pushing.clone();
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            for (int k = 0; k < n && !track.moving(); k++) {
                if (pushing[k] && tracks.get(k).pathMissMm(track.xMm(), track.yMm()) <= reach) {
                    reached[i] = true;
                }
            }
        }
        boolean[] kicked = new boolean[n];
        spreadToTouching(reached, true, now);
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            kicked[i] = reached[i] || track.moving() || track.exposedUntilUs() >= now
                    || track.votedType().isCueBall() || track.votedType() == BallType.UNKNOWN;
        }
        for (Track track : tracks) {
            if (track.votedType().isCueBall()) {
                // Struck, it may reach a ball a few centimetres off within the frame.
                markWithin(kicked, track, reach);
            }
        }
        spreadToTouching(kicked, false, now);
        return kicked;
    }

    /**
     * How far from its path a kick can have sent each track's ball since it was last seen. A
     * moving ball hit by another leaves at most as fast as the two came together, so one neither
     * the cue ball nor near it (the stroke's speed is unknown) nor of unknown type (it may be the cue
     * ball) stays within a diameter plus {@value #KICK_SPEED_MARGIN} times its own speed and the
     * fastest that may reach it: a fast ball's misread detection went to a neighbour 182 mm off its
     * path, where such a kick reaches 165 mm. Unbounded (infinity) for any other track.
     */
    private double[] kickReach(long now, double frameSeconds) {
        int n = tracks.size();
        double[] reach = new double[n];
        double diameter = table.ballDiameterMm();
        for (int i = 0; i < n; i++) {
            Track track = tracks.get(i);
            reach[i] = Double.POSITIVE_INFINITY;
            if (!track.moving() || track.votedType().isCueBall() || track.votedType() == BallType.UNKNOWN) {
                continue;
            }
            double fastestNear = 0;
            boolean nearTheCueBall = false;
            for (int k = 0; k < n; k++) {
                Track other = tracks.get(k);
                if (k == i) {
                    continue;
                }
                nearTheCueBall |= other.votedType().isCueBall() && other.distanceMm(track) <= 2 * diameter;
                if (other.pathMissMm(track.xMm(), track.yMm()) <= 2 * diameter + track.speedMmPerS() * frameSeconds) {
                    fastestNear = Math.max(fastestNear, other.speedMmPerS());
                }
            }
            if (!nearTheCueBall) {
                double unseen = Math.max(frameSeconds, (now - track.lastSeenUs()) / 1e6);
                reach[i] = diameter + KICK_SPEED_MARGIN * (track.speedMmPerS() + fastestNear) * unseen;
            }
        }
        return reach;
    }

    private void markWithin(boolean[] marked, Track centre, double distance) {
        for (int k = 0; k < marked.length; k++) {
            marked[k] |= tracks.get(k).distanceMm(centre) <= distance;
        }
    }

    /**
     * Marks every ball touching a marked one, transitively; with {@code expose}, each resting ball
     * marked is exposed from now.
     */
    private void spreadToTouching(boolean[] marked, boolean expose, long now) {
        double touching = 1.1 * table.ballDiameterMm();
        ArrayDeque<Integer> spreading = new ArrayDeque<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                spreading.add(i);
            }
        }
        while (!spreading.isEmpty()) {
            Track from = tracks.get(spreading.poll());
            for (int k = 0; k < marked.length; k++) {
                Track to = tracks.get(k);
                if (!marked[k] && to.distanceMm(from) <= touching) {
                    marked[k] = true;
                    spreading.add(k);
                }
            }
        }
        for (int i = 0; expose && i < marked.length; i++) {
            if (marked[i] && !tracks.get(i).moving()) {
                tracks.get(i).exposeUntil(now + EXPOSED_SECONDS_US);
            }
        }
    }

    /** Why an unseen track leaves now, or null while it stays. */
    private TableState.Departure departureOf(Track track, long now, TrackingLimits limits) {
        if (track.missedFrames() >= POCKET_CONFIRM_FRAMES
                && (track.movingWhenSeen() || now - track.lastSeenUs() >= RESTING_DROP_CONFIRM_US)) {
            String pocket = pocketOnPath(track, now, limits);
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
     * capture radius and a ball radius for the error in the estimated direction. A resting ball at
     * the jaws counts too when a moving ball came near it (it was nudged in before it showed motion),
     * or when it rolled to rest there so lately that it may have been creeping still.
     */
    private String pocketOnPath(Track track, long now, TrackingLimits limits) {
        double speed = track.movingWhenSeen() ? Math.hypot(track.seenVx(), track.seenVy()) : 0;
        if (speed == 0 && track.exposedUntilUs() <= track.lastSeenUs() && !track.mayHaveCreptOnSince(limits.creepUs())) {
            return null;
        }
        double reach = speed == 0 ? 0 : speed * (now - track.lastSeenUs()) / 1e6 + table.ballRadiusMm();
        double ux = speed == 0 ? 0 : track.seenVx() / speed;
        double uy = speed == 0 ? 0 : track.seenVy() / speed;
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
     * A detection no track took: a departed ball of that number comes back under its old id when
     * no ball on the table has the number, else it is a new ball.
     */
    private void place(BallDetection detection, long now, TrackingLimits limits, List<TrackedBall> returns) {
        Integer number = detection.number();
        double variance = limits.measurementNoiseMm() * limits.measurementNoiseMm();
        if (number != null && Track.agrees(detection.type(), number)
                && tracks.stream().noneMatch(t -> number.equals(t.votedNumber()))) {
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

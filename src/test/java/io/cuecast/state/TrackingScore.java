package io.cuecast.state;

import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.physics.ShotEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the tracker's states against the simulator's truth: identity switches of visible balls,
 * pocketings (right ball, right pocket), and velocity error.
 *
 * <p>Each truth ball is paired with the tracked ball seen in the same frame nearest to it, within
 * {@value #MATCH_MM} mm. While a ball stays on the table its tracked id must not change; a ball that
 * leaves (pocketed) or is re-racked starts afresh.
 */
final class TrackingScore {
    private static final double MATCH_MM = 30;
    /** A departure this many frames after the truth's pocketing still reports it. */
    private static final int POCKET_LATENCY_FRAMES = 15;

    /** Frames after a rack before identities count: the rack frame itself and the next. */
    private static final int RACK_SETTLE_FRAMES = 1;

    private final Map<Integer, Integer> idOfBall = new HashMap<>();
    private final Map<Integer, Integer> ballOfId = new HashMap<>();
    private final List<PendingPocket> pendingPockets = new ArrayList<>();
    private final List<Double> speedErrors = new ArrayList<>();
    private final List<Double> movingSpeedErrors = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int lastRacks = -1;
    private long rackedAt = -RACK_SETTLE_FRAMES - 1;
    int ballFrames;
    int matchedBallFrames;
    int switches;
    int truthPockets;
    int pocketsRight;
    int pocketsWrong;
    int pocketsMissed;
    int falsePockets;
    int lostDepartures;

    private record PendingPocket(int number, String pocket, long frame) {
    }

    /** The simulator's ball number of each tracked id, as last paired. */
    Map<Integer, Integer> numberOfId() {
        return ballOfId;
    }

    void score(GroundTruthFeed.Step step, TableState state) {
        long frame = step.truth().sequence();
        if (step.racksSetUp() != lastRacks) {
            lastRacks = step.racksSetUp();
            rackedAt = frame;
            problems.add("frame " + frame + ": rack " + lastRacks);
        }
        if (frame - rackedAt <= RACK_SETTLE_FRAMES) {
            // The simulator racks by teleporting every ball: ids are scored from the settled rack on.
            idOfBall.clear();
        }
        for (ShotEvent event : step.physics()) {
            if (event instanceof ShotEvent.PocketEntry pocketed) {
                truthPockets++;
                pendingPockets.add(new PendingPocket(pocketed.ball(), pocketed.pocket(), frame));
                idOfBall.remove(pocketed.ball());
            }
        }
        for (GroundTruthBall truth : step.truth().balls()) {
            ballFrames++;
            TrackedBall tracked = nearestSeen(state, truth);
            if (tracked == null) {
                continue;
            }
            matchedBallFrames++;
            Integer before = idOfBall.put(truth.number(), tracked.id());
            if (before != null && before != tracked.id()) {
                switches++;
                problems.add("frame " + frame + ": ball " + truth.number() + " went from id " + before + " to " + tracked.id());
            }
            ballOfId.put(tracked.id(), truth.number());
            double error = Math.hypot(tracked.vxMmPerS() - truth.vxMmPerS(), tracked.vyMmPerS() - truth.vyMmPerS());
            speedErrors.add(error);
            if (truth.vxMmPerS() != 0 || truth.vyMmPerS() != 0) {
                movingSpeedErrors.add(error);
            }
        }
        for (TableState.Departure departure : state.departures()) {
            if (!departure.pocketed()) {
                lostDepartures++;
                problems.add("frame " + frame + ": id " + departure.ball().id() + " lost");
                continue;
            }
            Integer number = ballOfId.get(departure.ball().id());
            PendingPocket truth = pendingPockets.stream().filter(p -> number != null && p.number() == number)
                    .findFirst().orElse(null);
            if (truth == null) {
                falsePockets++;
                problems.add("frame " + frame + ": id " + departure.ball().id() + " (ball " + number + ") pocketed in "
                        + departure.pocket() + " but was not");
            } else {
                pendingPockets.remove(truth);
                if (truth.pocket().equals(departure.pocket())) {
                    pocketsRight++;
                } else {
                    pocketsWrong++;
                    problems.add("frame " + frame + ": ball " + number + " pocketed in " + departure.pocket()
                            + ", truth " + truth.pocket());
                }
            }
        }
        pendingPockets.removeIf(p -> {
            boolean missed = frame - p.frame() > POCKET_LATENCY_FRAMES;
            if (missed) {
                pocketsMissed++;
                problems.add("frame " + p.frame() + ": pocketing of ball " + p.number() + " in " + p.pocket() + " missed");
            }
            return missed;
        });
    }

    private static TrackedBall nearestSeen(TableState state, GroundTruthBall truth) {
        TrackedBall best = null;
        double bestDistance = MATCH_MM;
        for (TrackedBall ball : state.balls()) {
            double distance = Math.hypot(ball.xMm() - truth.xMm(), ball.yMm() - truth.yMm());
            if (ball.missedFrames() == 0 && distance <= bestDistance) {
                best = ball;
                bestDistance = distance;
            }
        }
        return best;
    }

    List<String> problems() {
        return problems;
    }

    static double percentile(List<Double> values, double share) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
    }

    double movingSpeedErrorMedian() {
        return percentile(movingSpeedErrors, 0.5);
    }

    double movingSpeedErrorP95() {
        return percentile(movingSpeedErrors, 0.95);
    }

    String figures() {
        return String.format(Locale.ROOT, "%d ball-frames, %d matched; %d id switches (%.3f per 1000 ball-frames); "
                        + "pocketings %d: %d right, %d wrong pocket, %d missed, %d false; %d lost; "
                        + "velocity error all balls median %.1f p95 %.1f mm/s, moving balls (%d) median %.1f p95 %.1f mm/s",
                ballFrames, matchedBallFrames, switches, 1000.0 * switches / Math.max(1, matchedBallFrames),
                truthPockets, pocketsRight, pocketsWrong, pocketsMissed, falsePockets, lostDepartures,
                percentile(speedErrors, 0.5), percentile(speedErrors, 0.95), movingSpeedErrors.size(),
                movingSpeedErrorMedian(), movingSpeedErrorP95());
    }
}

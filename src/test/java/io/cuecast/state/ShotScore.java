package io.cuecast.state;

import io.cuecast.camera.sim.GroundTruthBall;
import io.cuecast.physics.ShotEvent;
import io.cuecast.table.BallType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores shot_started and shot_ended against the simulator's truth: a shot starts in the frame the
 * cue ball is struck and ends in the first frame after it in which every ball is slower than the
 * tracker's rest speed. Real balls creep to a stop (a rolling ball slows by only μr g, about
 * 0.1 m/s², so the last 25 mm/s take a quarter of a second), and "at rest" is by definition slower
 * than the rest speed: whether a ball creeps on at 5 mm/s or has stopped, no camera can tell.
 */
final class ShotScore {
    private final double restSpeedMmPerS;
    private final List<Long> startErrors = new ArrayList<>();
    private final List<Long> endErrors = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int lastShots;
    private boolean truthShot;
    private long truthStart = -1;
    private long truthEnd = -1;
    private long reportedStart = -1;
    private long reportedEnd = -1;
    private int lastRacks;
    private long rackedAt = -2;
    private Integer truthFirstHit;
    private Integer reportedFirstHit;
    private boolean reportedAnyFirstHit;
    int shots;
    int falseStarts;
    int rackStarts;
    /** shot_ended's first_ball_hit against the simulator's first collision of the cue ball. */
    int firstHitsRight;
    int firstHitsWrong;

    ShotScore(double restSpeedMmPerS) {
        this.restSpeedMmPerS = restSpeedMmPerS;
    }

    /**
     * @param numberOfId the simulator's ball number of each tracked id (see {@link TrackingScore})
     */
    void score(GroundTruthFeed.Step step, List<GameEvent> events, Map<Integer, Integer> numberOfId) {
        long frame = step.truth().sequence();
        if (step.racksSetUp() != lastRacks) {
            lastRacks = step.racksSetUp();
            rackedAt = frame;
        }
        if (step.shotsTaken() != lastShots) {
            closeShot();
            lastShots = step.shotsTaken();
            truthShot = true;
            truthStart = frame;
        } else if (truthShot && truthEnd < 0 && step.fastestMmPerS() < restSpeedMmPerS) {
            truthEnd = frame;
        }
        noteTruthFirstHit(step);
        for (GameEvent event : events) {
            if (event.type().equals("shot_started")) {
                if (truthShot && reportedStart < 0) {
                    reportedStart = event.frame();
                } else if (frame - rackedAt <= 1) {
                    // The simulator racks by teleporting every ball, which looks like balls set moving.
                    rackStarts++;
                } else {
                    falseStarts++;
                    problems.add("frame " + frame + ": shot_started with no shot");
                }
            } else if (event.type().equals("shot_ended") && reportedEnd < 0) {
                reportedEnd = event.frame();
                Object firstHit = event.details().get("first_ball_hit");
                reportedFirstHit = firstHit == null ? null : numberOfId.get((Integer) firstHit);
                reportedAnyFirstHit = true;
            }
        }
    }

    private void noteTruthFirstHit(GroundTruthFeed.Step step) {
        if (!truthShot || truthFirstHit != null) {
            return;
        }
        Integer cueBall = step.truth().balls().stream().filter(b -> b.type() == BallType.CUE)
                .map(GroundTruthBall::number).findFirst().orElse(null);
        for (ShotEvent event : step.physics()) {
            if (event instanceof ShotEvent.BallCollision hit && cueBall != null
                    && (hit.ball() == cueBall || hit.otherBall() == cueBall)) {
                truthFirstHit = hit.ball() == cueBall ? hit.otherBall() : hit.ball();
                return;
            }
        }
    }

    private void closeShot() {
        if (!truthShot) {
            return;
        }
        shots++;
        if (reportedAnyFirstHit && Objects.equals(truthFirstHit, reportedFirstHit)) {
            firstHitsRight++;
        } else {
            firstHitsWrong++;
            problems.add("shot from frame " + truthStart + ": first ball hit " + truthFirstHit + ", reported "
                    + (reportedAnyFirstHit ? reportedFirstHit : "no shot_ended"));
        }
        truthFirstHit = null;
        reportedFirstHit = null;
        reportedAnyFirstHit = false;
        startErrors.add(reportedStart < 0 ? Long.MAX_VALUE : reportedStart - truthStart);
        endErrors.add(reportedEnd < 0 || truthEnd < 0 ? Long.MAX_VALUE : reportedEnd - truthEnd);
        if (Math.abs(startErrors.get(startErrors.size() - 1)) > 2 || Math.abs(endErrors.get(endErrors.size() - 1)) > 2) {
            problems.add("shot from frame " + truthStart + " to " + truthEnd + " reported " + reportedStart + " to " + reportedEnd);
        }
        reportedStart = -1;
        reportedEnd = -1;
        truthEnd = -1;
    }

    int startsOutside(int frames) {
        return (int) startErrors.stream().filter(e -> Math.abs(e) > frames).count();
    }

    int endsOutside(int frames) {
        return (int) endErrors.stream().filter(e -> Math.abs(e) > frames).count();
    }

    List<String> problems() {
        return problems;
    }

    String figures() {
        return String.format(Locale.ROOT, "%d shots; start error (frames) %s; end error (frames) %s; %d false starts,"
                        + " %d more in the frame the simulator teleported a new rack; first ball hit right in %d, wrong in %d",
                shots, histogram(startErrors), histogram(endErrors), falseStarts, rackStarts, firstHitsRight, firstHitsWrong);
    }

    private static String histogram(List<Long> errors) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        for (long e : errors) {
            counts.merge(e == Long.MAX_VALUE ? "missed" : String.format(Locale.ROOT, "%+d", e), 1, Integer::sum);
        }
        return counts.toString();
    }
}

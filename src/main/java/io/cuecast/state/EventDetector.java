package io.cuecast.state;

import io.cuecast.table.TableSpec;
import io.cuecast.vision.CueDetection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the tracker's states, frame by frame, into game events: shots starting and ending (with a
 * summary), ball-ball collisions, cushion contacts, pocketings, balls lost and restored, racks, and
 * the cue stick coming over the table (aiming) and leaving it.
 *
 * <p>A collision or a cushion contact is a ball whose motion changed beyond what the tracker's
 * motion model explains ({@link TrackedBall#kicked()}): beside a moving ball it is a collision, at a
 * rail a cushion. A shot starts when a ball moves on a table at rest and ends when all are at rest
 * again: told once they have stayed so for {@value #SETTLED_FRAMES} frames and when the last of
 * them came to rest is known ({@link TrackingLimits#restKnownAfterUs}), and dated to that frame. A rack is ten or more resting balls
 * packed together. The cue stick is over the table once seen in {@value #CUE_SEEN_FRAMES} frames in
 * a row, and gone once unseen in {@value #CUE_GONE_FRAMES} in a row, so that a detection that
 * flickers (a stick over a busy patch of cloth) tells neither twice.
 *
 * <p>Not thread-safe: fed by the single state-update stage.
 */
public final class EventDetector {
    /** The same pair or ball reported again within this time is the same contact seen twice. */
    private static final long CONTACT_DEBOUNCE_US = 250_000;
    /** Frames in a row a stick must be seen before aiming counts as started: a tenth of a second at 30 fps. */
    static final int CUE_SEEN_FRAMES = 3;
    /** Frames in a row it must be missing before aiming counts as over: a stick is missed now and then. */
    static final int CUE_GONE_FRAMES = 6;
    /**
     * Frames every ball must stay at rest before the shot is over: a ball that a slow one touched
     * last (at 60 mm/s, 2 mm a frame) shows its motion only once it is several noise deviations
     * from where it lay.
     */
    static final int SETTLED_FRAMES = 5;
    /** How much farther a ball seen moving must have gone a frame later to start a shot: more than noise. */
    private static final double MOVED_ON_MM = 1;
    /** Frames whose number is kept by capture time: a ball's rest is dated this far back at most. */
    private static final int DATED_FRAMES = RecentPath.CAPACITY + SETTLED_FRAMES;
    /** Where a kept frame holds its number and its capture time. */
    private static final int NUMBER = 0, CAPTURED_AT = 1;

    private final TableSpec table;
    private final double diameter;
    private volatile TrackingLimits limits;
    private final Map<String, Long> lastContactUs = new HashMap<>();
    private long lastFrameUs = -1;
    /** Recent frames' {number, capture time}, oldest first. */
    private final ArrayDeque<long[]> recentFrames = new ArrayDeque<>();
    private Shot shot;
    private boolean rackOnTable;
    private boolean rackAwaitingBreak;
    private boolean cueOverTable;
    /** Frames in a row the stick has been seen (while it is not over the table) or missed (while it is). */
    private int cueFramesAgainst;
    private long cueFirstSeenUs;
    private long cueLastSeenUs;
    /** A ball seen moving in the last frame that starts a shot if it moves on. */
    private Unconfirmed unconfirmed;

    public EventDetector(TableSpec table, TrackingLimits limits) {
        this.table = table;
        this.diameter = table.ballDiameterMm();
        setLimits(limits);
    }

    /** Changes the tracker's limits the shots are judged by, from the next frame on; safe from any thread. */
    public void setLimits(TrackingLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** What happened in this frame, in the order it is best told. */
    public List<GameEvent> onFrame(TableState state) {
        List<GameEvent> events = new ArrayList<>();
        remember(state);
        Emitter emit = (type, ids, details) -> events.add(new GameEvent(type, state.frameSequence(),
                state.capturedAtUs(), ids, details));
        List<TrackedBall> moving = state.balls().stream().filter(TrackedBall::moving).toList();
        cue(state, emit);
        Stroke stroke = shot == null ? stroke(state, moving) : null;
        if (stroke != null) {
            startShot(stroke, events);
        }
        contacts(state, emit);
        for (TableState.Departure departure : state.departures()) {
            TrackedBall ball = departure.ball();
            Map<String, Object> details = identity(ball);
            details.put("position", position(ball));
            if (departure.pocketed()) {
                details.put("pocket", departure.pocket());
                emit.event("ball_pocketed", List.of(ball.id()), details);
                if (shot != null) {
                    shot.pocketed.add(pocketedSummary(ball, departure.pocket()));
                }
            } else {
                emit.event("ball_lost", List.of(ball.id()), details);
            }
        }
        for (TrackedBall ball : state.returns()) {
            Map<String, Object> details = identity(ball);
            details.put("position", position(ball));
            emit.event("ball_restored", List.of(ball.id()), details);
        }
        if (shot != null && settled(state, moving)) {
            events.add(endShot());
        }
        if (shot == null) {
            rack(state, emit);
        }
        lastFrameUs = state.capturedAtUs();
        return events;
    }

    private interface Emitter {
        void event(String type, List<Integer> ballIds, Map<String, Object> details);
    }

    /** A shot's first frame and the ball struck in it. */
    private record Stroke(TrackedBall ball, long frame, long capturedAtUs) {
    }

    /**
     * A ball seen moving in the last frame that starts a shot only if it moves on, away from where it
     * was along {@code (awayX, awayY)} by at least {@code advanceMm}: the stroke it would be, dated to that frame.
     */
    private record Unconfirmed(Stroke stroke, int ballId, double fromX, double fromY, double awayX, double awayY,
                               double advanceMm) {
        /**
         * Seen moving off in a direction: it must go on by more than noise and by a quarter of what its speed
         * took it in a frame, which a detection that strayed and came back does not. A ball that
         * has not moved has no direction.
         */
        static Unconfirmed of(Stroke stroke, TrackedBall ball, double towardsX, double towardsY, double frameSeconds) {
            double length = Math.hypot(towardsX, towardsY);
            double advance = Math.max(MOVED_ON_MM, ball.speedMmPerS() * frameSeconds / 4);
            return length == 0 ? null
                    : new Unconfirmed(stroke, ball.id(), ball.xMm(), ball.yMm(), towardsX / length, towardsY / length, advance);
        }

        boolean movedOn(TrackedBall ball) {
            return ball.id() == ballId && (ball.xMm() - fromX) * awayX + (ball.yMm() - fromY) * awayY >= advanceMm;
        }
    }

    /**
     * The stroke that starts a shot on a table at rest, or null. Where the cue ball is known, a shot
     * starts with it: once it moves, or once a ball against it moves off and is farther off still in
     * the next frame (struck while frozen to a ball, the cue ball passes its speed on and barely moves
     * itself), dated to the first. Another ball moving alone is a hand placing it, or a detection of a
     * hand or a glare that jumped for a frame, not a stroke. With no cue ball known (it was pocketed,
     * or is not told apart), the fastest ball moving, once it has moved on in the next frame: a
     * resting ball's detection that strays for a frame is not a stroke.
     */
    private Stroke stroke(TableState state, List<TrackedBall> moving) {
        Unconfirmed before = unconfirmed;
        unconfirmed = null;
        double frameSeconds = lastFrameUs < 0 ? 0 : (state.capturedAtUs() - lastFrameUs) / 1e6;
        if (before != null && moving.stream().anyMatch(before::movedOn)) {
            return before.stroke();
        }
        TrackedBall cueBall = state.balls().stream().filter(b -> b.type().isCueBall()).findFirst().orElse(null);
        if (cueBall == null) {
            TrackedBall fastest = moving.stream().max(Comparator.comparingDouble(TrackedBall::speedMmPerS)).orElse(null);
            if (fastest != null) {
                unconfirmed = Unconfirmed.of(new Stroke(fastest, state.frameSequence(), state.capturedAtUs()), fastest,
                        fastest.vxMmPerS(), fastest.vyMmPerS(), frameSeconds);
            }
            return null;
        }
        if (cueBall.moving()) {
            return new Stroke(cueBall, state.frameSequence(), state.capturedAtUs());
        }
        for (TrackedBall ball : moving) {
            if (ball.distanceMm(cueBall) <= 2 * diameter) {
                unconfirmed = Unconfirmed.of(new Stroke(cueBall, state.frameSequence(), state.capturedAtUs()), ball,
                        ball.xMm() - cueBall.xMm(), ball.yMm() - cueBall.yMm(), frameSeconds);
            }
        }
        return null;
    }

    private void startShot(Stroke stroke, List<GameEvent> events) {
        TrackedBall struck = stroke.ball();
        shot = new Shot(struck.id(), stroke.capturedAtUs(), stroke.frame());
        if (rackAwaitingBreak) {
            rackAwaitingBreak = false;
            events.add(new GameEvent("game_started", stroke.frame(), stroke.capturedAtUs(), List.of(struck.id()), new LinkedHashMap<>()));
        }
        Map<String, Object> details = identity(struck);
        details.put("position", position(struck));
        details.put("speed_mm_s", round(struck.speedMmPerS()));
        events.add(new GameEvent("shot_started", stroke.frame(), stroke.capturedAtUs(), List.of(struck.id()), details));
    }

    /** {@code cue_detected} and {@code cue_lost}, with the hysteresis described above. */
    private void cue(TableState state, Emitter emit) {
        CueDetection cue = state.cue();
        if (cue != null) {
            if (!cueOverTable && cueFramesAgainst == 0) {
                cueFirstSeenUs = state.capturedAtUs();
            }
            cueLastSeenUs = state.capturedAtUs();
        }
        cueFramesAgainst = (cue != null) == cueOverTable ? 0 : cueFramesAgainst + 1;
        if (!cueOverTable && cueFramesAgainst >= CUE_SEEN_FRAMES) {
            cueOverTable = true;
            cueFramesAgainst = 0;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tip", point(cue.tipXMm(), cue.tipYMm()));
            details.put("angle_deg", round(cue.tableAngleDeg()));
            emit.event("cue_detected", List.of(), details);
        } else if (cueOverTable && cueFramesAgainst >= CUE_GONE_FRAMES) {
            cueOverTable = false;
            cueFramesAgainst = 0;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("aimed_s", round((cueLastSeenUs - cueFirstSeenUs) / 1e6));
            emit.event("cue_lost", List.of(), details);
        }
    }

    private void contacts(TableState state, Emitter emit) {
        double frameSeconds = lastFrameUs < 0 ? 0 : (state.capturedAtUs() - lastFrameUs) / 1e6;
        for (TrackedBall ball : state.balls()) {
            if (!ball.kicked()) {
                continue;
            }
            TrackedBall other = nearestMovingNeighbour(state, ball, frameSeconds);
            if (other != null) {
                int low = Math.min(ball.id(), other.id());
                int high = Math.max(ball.id(), other.id());
                if (fresh("pair " + low + "-" + high, state.capturedAtUs())) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("position", point((ball.xMm() + other.xMm()) / 2, (ball.yMm() + other.yMm()) / 2));
                    emit.event("ball_collision", List.of(low, high), details);
                    if (shot != null) {
                        shot.collisions++;
                        if (shot.firstHit == null && (low == shot.cueBallId || high == shot.cueBallId)) {
                            shot.firstHit = low == shot.cueBallId ? high : low;
                        }
                    }
                }
            } else {
                String cushion = cushionAt(ball, frameSeconds);
                if (cushion != null && fresh("cushion " + ball.id(), state.capturedAtUs())) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("cushion", cushion);
                    details.put("position", position(ball));
                    emit.event("cushion_contact", List.of(ball.id()), details);
                    if (shot != null) {
                        shot.cushions++;
                        if (ball.id() == shot.cueBallId && shot.firstHit == null) {
                            shot.cueCushionsBeforeHit++;
                        }
                    }
                }
            }
        }
    }

    /**
     * The nearest other ball that moves or was kicked too and touched this one during the frame:
     * within a diameter (and room for noise) of it, plus as far as the two have moved apart since.
     */
    private TrackedBall nearestMovingNeighbour(TableState state, TrackedBall ball, double frameSeconds) {
        TrackedBall nearest = null;
        double closest = Double.POSITIVE_INFINITY;
        for (TrackedBall other : state.balls()) {
            double distance = other.distanceMm(ball);
            double reach = 1.3 * diameter + (ball.speedMmPerS() + other.speedMmPerS()) * frameSeconds;
            if (other.id() != ball.id() && (other.moving() || other.kicked()) && distance <= reach && distance < closest) {
                nearest = other;
                closest = distance;
            }
        }
        return nearest;
    }

    /** The rail the ball touched during the frame, or null: its centre came within a radius (and a little) of the cushion line. */
    private String cushionAt(TrackedBall ball, double frameSeconds) {
        double near = diameter / 2 + 15 + ball.speedMmPerS() * frameSeconds;
        if (ball.yMm() <= near) {
            return "top";
        }
        if (ball.yMm() >= table.widthMm() - near) {
            return "bottom";
        }
        if (ball.xMm() <= near) {
            return "left";
        }
        if (ball.xMm() >= table.lengthMm() - near) {
            return "right";
        }
        return null;
    }

    private boolean fresh(String key, long nowUs) {
        Long last = lastContactUs.get(key);
        lastContactUs.put(key, nowUs);
        return last == null || nowUs - last > CONTACT_DEBOUNCE_US;
    }

    private void remember(TableState state) {
        if (recentFrames.size() == DATED_FRAMES) {
            recentFrames.removeFirst();
        }
        recentFrames.addLast(new long[] {state.frameSequence(), state.capturedAtUs()});
    }

    /**
     * Whether every ball has been at rest for {@value #SETTLED_FRAMES} frames; meanwhile notes when
     * each ball that stopped came to rest (one that left the table stopped in the first frame it was
     * missing from, which the tracker tells some frames later).
     */
    private boolean settled(TableState state, List<TrackedBall> moving) {
        Map<Integer, TrackedBall> balls = new HashMap<>();
        state.balls().forEach(ball -> balls.put(ball.id(), ball));
        Map<Integer, Integer> missedFramesOfDeparted = new HashMap<>();
        state.departures().forEach(d -> missedFramesOfDeparted.put(d.ball().id(), d.ball().missedFrames()));
        for (int id : shot.movingLastFrame) {
            TrackedBall ball = balls.get(id);
            if (ball == null) {
                long firstMissing = state.frameSequence() + 1 - missedFramesOfDeparted.getOrDefault(id, 1);
                shot.lastDepartureUs = Math.max(shot.lastDepartureUs, capturedAtOf(firstMissing));
            } else if (!ball.moving()) {
                shot.restedSinceUs.put(id, ball.atRestSinceUs());
            }
        }
        // The tracker dates a ball's rest again for a while, as it sees more of it stopped.
        shot.restedSinceUs.replaceAll((id, since) -> {
            TrackedBall ball = balls.get(id);
            return ball != null && !ball.moving() ? ball.atRestSinceUs() : since;
        });
        shot.movingLastFrame.clear();
        moving.forEach(ball -> shot.movingLastFrame.add(ball.id()));
        shot.settledFrames = moving.isEmpty() ? shot.settledFrames + 1 : 0;
        return shot.settledFrames >= SETTLED_FRAMES && state.capturedAtUs() - lastRestUs() >= limits.restKnownAfterUs();
    }

    /** When the first kept frame numbered {@code sequence} or later was captured. */
    private long capturedAtOf(long sequence) {
        return firstKeptFrame(NUMBER, sequence)[CAPTURED_AT];
    }

    /** The first kept frame captured at or after {@code atUs}: {number, capture time}. */
    private long[] frameAtOrAfter(long atUs) {
        return firstKeptFrame(CAPTURED_AT, atUs);
    }

    /** The first kept frame whose {@code field} is {@code atLeast} or more, else the newest. */
    private long[] firstKeptFrame(int field, long atLeast) {
        for (long[] frame : recentFrames) {
            if (frame[field] >= atLeast) {
                return frame;
            }
        }
        return recentFrames.getLast();
    }

    /** When the last ball that stopped came to rest or left the table. */
    private long lastRestUs() {
        return shot.restedSinceUs.values().stream().mapToLong(Long::longValue).reduce(shot.lastDepartureUs, Math::max);
    }

    private GameEvent endShot() {
        long[] ended = frameAtOrAfter(Math.max(shot.startedAtUs, lastRestUs()));
        long endedAtUs = ended[1];
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cue_ball_id", shot.cueBallId);
        details.put("first_ball_hit", shot.firstHit);
        details.put("balls_pocketed", shot.pocketed);
        details.put("cushions", shot.cushions);
        details.put("cue_ball_cushions_before_hit", shot.cueCushionsBeforeHit);
        details.put("collisions", shot.collisions);
        details.put("started_frame", shot.startedFrame);
        details.put("duration_s", round((endedAtUs - shot.startedAtUs) / 1e6));
        List<Integer> ids = new ArrayList<>();
        ids.add(shot.cueBallId);
        shot.pocketed.forEach(p -> ids.add((Integer) p.get("id")));
        shot = null;
        return new GameEvent("shot_ended", ended[0], endedAtUs, ids, details);
    }

    /** A rack ({@link Rack}) newly on the table. */
    private void rack(TableState state, Emitter emit) {
        List<Integer> cluster = Rack.on(state.balls(), diameter);
        boolean racked = !cluster.isEmpty();
        if (racked && !rackOnTable) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("ball_count", cluster.size());
            emit.event("rack_detected", cluster, details);
            rackAwaitingBreak = true;
        }
        rackOnTable = racked;
    }

    private static Map<String, Object> identity(TrackedBall ball) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", ball.type().wireName());
        details.put("number", ball.number());
        return details;
    }

    private static Map<String, Object> pocketedSummary(TrackedBall ball, String pocket) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", ball.id());
        summary.put("number", ball.number());
        summary.put("pocket", pocket);
        return summary;
    }

    private static Map<String, Object> position(TrackedBall ball) {
        return point(ball.xMm(), ball.yMm());
    }

    private static Map<String, Object> point(double x, double y) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", round(x));
        point.put("y", round(y));
        return point;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** What a shot has done so far. */
    private static final class Shot {
        final int cueBallId;
        final long startedAtUs;
        final long startedFrame;
        final List<Map<String, Object>> pocketed = new ArrayList<>();
        Integer firstHit;
        int cushions;
        int cueCushionsBeforeHit;
        int collisions;
        /** The balls that moved in the last frame, when each that stopped came to rest, and when one last left the table. */
        final Set<Integer> movingLastFrame = new HashSet<>();
        final Map<Integer, Long> restedSinceUs = new HashMap<>();
        long lastDepartureUs;
        int settledFrames;

        Shot(int cueBallId, long startedAtUs, long startedFrame) {
            this.cueBallId = cueBallId;
            this.startedAtUs = startedAtUs;
            this.startedFrame = startedFrame;
        }
    }
}

package io.cuecast.camera.sim;

import io.cuecast.physics.BallBody;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.ShotEvent;
import io.cuecast.physics.ShotTimeline;
import io.cuecast.table.PoolBall;
import io.cuecast.table.TableSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A scripted, deterministic game of pool for the simulated camera to film.
 *
 * <p>It racks the balls for 8-ball and then plays shot after shot: the cue comes in and aims, breaks
 * (or plays an object ball), the balls roll until they stop, and after a short pause the next shot
 * starts. A pocketed cue ball is put back behind the head string. After {@value #SHOTS_PER_RACK}
 * shots, or when {@value #FEWEST_OBJECT_BALLS} or fewer object balls are left, the balls are racked
 * again.
 *
 * <p>The balls move with {@link EventPhysics}, the engine the shot prediction uses: when the cue
 * strikes, the whole shot is simulated at once, and each frame shows the balls where that shot has
 * them at the frame's time.
 *
 * <p>Time advances by a fixed 1 / fps per {@link #advance()}, never by the wall clock, and every
 * choice comes from one {@link Random} seeded once, so a seed always plays the same game. Not
 * thread-safe: one thread drives it.
 */
public final class TableSimulator {
    static final int SHOTS_PER_RACK = 8;
    static final int FEWEST_OBJECT_BALLS = 3;
    private static final double PAUSE_MIN_S = 0.5;
    private static final double PAUSE_MAX_S = 1.2;

    private final TableSpec table;
    private final double frameSeconds;
    /** Where a pocketed cue ball goes back before the next shot; null when it is on the table. */
    private double[] cueBallSpotAfterScratch;
    private final Random random;
    private final EventPhysics physics;
    private final ShotPlanner planner;

    private List<BallBody> balls = List.of();
    private Optional<CueStroke> stroke = Optional.empty();
    /** The shot being played, while any ball still moves or spins. */
    private Optional<ShotTimeline> shot = Optional.empty();
    /** Seconds since the strike, while a shot is played. */
    private double shotTime;
    private double pauseLeft;
    private double time;
    private int shotsThisRack;
    private int shotsTaken;
    private int racksSetUp;

    /** With the default physics of the table size. */
    public TableSimulator(TableSpec table, double fps, long seed) {
        this(table, EventPhysicsSettings.defaultsFor(table), fps, seed);
    }

    public TableSimulator(TableSpec table, EventPhysicsSettings physics, double fps, long seed) {
        this.table = table;
        this.frameSeconds = 1 / fps;
        this.random = new Random(seed);
        this.physics = new EventPhysics(table, physics);
        this.planner = new ShotPlanner(table, physics, random);
        rack();
    }

    /**
     * Plays one frame's worth of time.
     *
     * @return what the balls did during it (the event times count from the strike)
     */
    public List<ShotEvent> advance() {
        time += frameSeconds;
        if (stroke.isPresent()) {
            CueStroke current = stroke.get();
            if (current.advance(frameSeconds)) {
                strike(current.shot());
            }
        }
        List<ShotEvent> events = shot.map(this::playFrame).orElse(List.of());
        if (stroke.isPresent()) {
            if (stroke.get().isOver() && shot.isEmpty()) {
                stroke = Optional.empty();
                chooseSpotIfCueBallPocketed();
                pause();
            }
        } else {
            pauseLeft -= frameSeconds;
            if (pauseLeft <= 0) {
                if (shotsThisRack >= SHOTS_PER_RACK || objectBallsInPlay().size() <= FEWEST_OBJECT_BALLS) {
                    rack();
                } else {
                    placeCueBallAfterScratch();
                    startShot();
                }
            }
        }
        return events;
    }

    /** What the camera sees now. */
    public TableState state() {
        List<BallState> inPlay = new ArrayList<>();
        for (BallBody ball : balls) {
            if (!ball.isPocketed()) {
                inPlay.add(new BallState(PoolBall.ofNumber(ball.number()), ball.x(), ball.y(),
                        ball.vx(), ball.vy(), ball.orientation()));
            }
        }
        return new TableState(time, inPlay, stroke.flatMap(CueStroke::stick));
    }

    /** Shots struck since the simulator started. */
    public int shotsTaken() {
        return shotsTaken;
    }

    /** The shot being played out, from the strike until every ball has stopped. */
    Optional<ShotTimeline> shotInPlay() {
        return shot;
    }

    /** Racks set up since the simulator started, the first one included. */
    public int racksSetUp() {
        return racksSetUp;
    }

    private void rack() {
        balls = RackLayout.rack(table, random);
        cueBallSpotAfterScratch = null;
        shotsThisRack = 0;
        racksSetUp++;
        pause();
    }

    private void startShot() {
        BallBody cueBall = cueBall();
        List<BallBody> objectBalls = objectBallsInPlay();
        Shot shot = shotsThisRack == 0 ? planner.breakShot(cueBall, objectBalls) : planner.nextShot(cueBall, objectBalls);
        stroke = Optional.of(new CueStroke(cueBall.x(), cueBall.y(), shot, table, random));
    }

    /** Simulates the whole shot the strike starts; the frames then play it out. */
    private void strike(Shot planned) {
        List<io.cuecast.physics.BallState> layout = balls.stream().filter(b -> !b.isPocketed()).map(BallBody::state)
                .toList();
        shot = Optional.of(physics.play(layout,
                io.cuecast.physics.Shot.atAngle(0, planned.speedMmPerS(), planned.angleRad())));
        shotTime = 0;
        shotsThisRack++;
        shotsTaken++;
    }

    /** Moves the balls one frame on along the shot; ends the shot once every ball has stopped. */
    private List<ShotEvent> playFrame(ShotTimeline timeline) {
        double from = shotTime;
        shotTime += frameSeconds;
        Map<Integer, io.cuecast.physics.BallState> now = new HashMap<>();
        for (io.cuecast.physics.BallState state : timeline.statesAt(shotTime)) {
            now.put(state.id(), state);
        }
        for (BallBody ball : balls) {
            io.cuecast.physics.BallState next = now.get(ball.number());
            if (next != null) {
                ball.follow(next, frameSeconds);
            } else if (!ball.isPocketed()) {
                ball.dropIntoPocket();
            }
        }
        if (shotTime >= timeline.durationSeconds()) {
            shot = Optional.empty();
        }
        return timeline.eventsBetween(from, shotTime);
    }

    /**
     * After a scratch the cue ball stays in the pocket through the pause, as a player takes a moment
     * to fetch it, and goes back on the table as the next shot is set up: a ball back on its spot
     * in the very frame it dropped would pass for one that never left. The spot is drawn now, from
     * the balls at rest, so the game's random sequence is what it was when it was placed at once.
     */
    private void chooseSpotIfCueBallPocketed() {
        if (cueBall().isPocketed()) {
            cueBallSpotAfterScratch = RackLayout.cueBallSpot(table, random, balls);
        }
    }

    private void placeCueBallAfterScratch() {
        if (cueBallSpotAfterScratch != null) {
            cueBall().placeAt(cueBallSpotAfterScratch[0], cueBallSpotAfterScratch[1]);
            cueBallSpotAfterScratch = null;
        }
    }

    private void pause() {
        pauseLeft = PAUSE_MIN_S + random.nextDouble() * (PAUSE_MAX_S - PAUSE_MIN_S);
    }

    private BallBody cueBall() {
        return balls.get(0);
    }

    private List<BallBody> objectBallsInPlay() {
        return balls.stream().filter(b -> b.number() != 0 && !b.isPocketed()).toList();
    }
}

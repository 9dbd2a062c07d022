package io.cuecast.bench;

import io.cuecast.camera.sim.RackLayout;
import io.cuecast.physics.BallState;
import io.cuecast.physics.EventPhysics;
import io.cuecast.physics.EventPhysicsSettings;
import io.cuecast.physics.Shot;
import io.cuecast.physics.ShotOutcome;
import io.cuecast.table.TableSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full prediction of a break: 16 balls in the simulator's 8-ball rack, the cue ball driven at the
 * apex, simulated event by event until every ball is at rest or pocketed (chains of collisions
 * through the rack, then cushions and pockets). The rack's shuffle is the parameter, so the figure
 * is not one lucky layout.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EventPhysicsBenchmark {

    @Param({"0", "1", "2"})
    public int rackSeed;

    @Param({"9000"})
    public double breakSpeedMmPerS;

    private EventPhysics physics;
    private List<BallState> rack;
    private Shot shot;

    @Setup
    public void rack() {
        TableSpec table = TableSpec.POOL_9FT;
        physics = new EventPhysics(table, EventPhysicsSettings.POOL);
        rack = RackLayout.rack(table, new Random(rackSeed)).stream()
                .map(ball -> BallState.atRest(ball.number(), ball.x(), ball.y())).toList();
        BallState cue = rack.stream().filter(ball -> ball.id() == 0).findFirst().orElseThrow();
        BallState apex = rack.stream().filter(ball -> ball.id() != 0)
                .min(Comparator.comparingDouble(BallState::x)).orElseThrow();
        shot = Shot.atAngle(0, breakSpeedMmPerS, Math.atan2(apex.y() - cue.y(), apex.x() - cue.x()));
    }

    @Benchmark
    public ShotOutcome breakShot() {
        return physics.simulate(rack, shot);
    }
}

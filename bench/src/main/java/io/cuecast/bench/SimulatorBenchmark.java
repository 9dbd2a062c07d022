package io.cuecast.bench;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One simulated camera frame at 1280x720: a physics step of the scripted game and a full render
 * (table, shadows, balls, cue, sensor noise). The game plays on through the whole run, so the
 * figure averages racks, breaks and balls at rest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimulatorBenchmark {

    private SimulatedCamera camera;

    @Setup
    public void openCamera() {
        camera = new SimulatedCamera(SimulatorSettings.defaults());
    }

    @TearDown
    public void closeCamera() {
        camera.close();
    }

    /** Closing is measured too: the frame's native buffer is freed by whoever holds it last. */
    @Benchmark
    public long grab() {
        try (Frame frame = camera.grab().orElseThrow()) {
            return frame.sequence();
        }
    }
}

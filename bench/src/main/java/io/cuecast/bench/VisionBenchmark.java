package io.cuecast.bench;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.vision.ClothModel;
import io.cuecast.vision.Detection;
import io.cuecast.vision.TableLocator;
import io.cuecast.vision.TableView;
import io.cuecast.vision.VisionPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Ball detection on 1280x720 simulator frames, cycling through frames picked across a game (the
 * rack, the break, balls rolling and at rest, the cue in and out of view), so that one lucky frame
 * does not decide the figure.
 *
 * <p>The frames are reused: {@link VisionPipeline#detect} only reads the image and does not close
 * the frame (in the app the detection route does, once the exchange is done), so no per-call copy
 * is needed or measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VisionBenchmark {
    private static final int FRAMES = 60;
    /** About 3 s of play between picks; not a round number, so picks do not lock onto the shot rhythm. */
    private static final int FRAMES_BETWEEN_PICKS = 97;
    /** As config/application.properties ships it (cuecast.vision.table-refresh-frames). */
    private static final int TABLE_REFRESH_FRAMES = 150;

    private final List<Frame> frames = new ArrayList<>(FRAMES);
    private SimulatorSettings settings;
    private VisionPipeline pipeline;
    private TableLocator locator;
    private int next;

    @Setup
    public void renderFramesAndLearnTable() {
        settings = SimulatorSettings.defaults();
        try (SimulatedCamera camera = new SimulatedCamera(settings)) {
            for (int pick = 0; pick < FRAMES; pick++) {
                frames.add(camera.grab().orElseThrow());
                for (int skip = 0; skip < FRAMES_BETWEEN_PICKS; skip++) {
                    camera.grab().orElseThrow().close();
                }
            }
        }
        pipeline = new VisionPipeline(settings.table(), TABLE_REFRESH_FRAMES);
        locator = new TableLocator(settings.table());
        // The first frame learns the table; learnTable measures that on its own, detect the steady state.
        Detection first = pipeline.detect(frames.get(0));
        if (!first.tableFound()) {
            throw new IllegalStateException("the simulated table was not found; the figures would be meaningless");
        }
    }

    @TearDown
    public void freeFrames() {
        frames.forEach(Frame::close);
        frames.clear();
    }

    /** One frame's detection as the running app does it, including the re-learning every 150 frames. */
    @Benchmark
    public Detection detect() {
        return pipeline.detect(nextFrame());
    }

    /** What the first frame, and every 150th after it, pays on top: learn the cloth, find the table. */
    @Benchmark
    public Optional<TableView> learnTable() {
        Frame frame = nextFrame();
        return ClothModel.learn(frame.image()).flatMap(cloth -> locator.locate(frame.image(), cloth));
    }

    private Frame nextFrame() {
        Frame frame = frames.get(next);
        next = (next + 1) % FRAMES;
        return frame;
    }
}

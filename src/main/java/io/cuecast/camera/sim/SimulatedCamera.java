package io.cuecast.camera.sim;

import io.cuecast.camera.CameraException;
import io.cuecast.camera.Clocks;
import io.cuecast.camera.Frame;
import io.cuecast.camera.FrameSource;
import org.opencv.core.Mat;

import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The built-in camera when no real one is configured: a simulated 8-ball game filmed from above.
 *
 * <p>Each {@link #grab()} moves the game on by one frame (1 / fps of simulated time, however long
 * after the previous grab it comes) and renders it, so the same settings always give the same
 * images. Frames are stamped with the wall clock at grab time, made strictly increasing.
 *
 * <p>The camera also remembers the ground truth of its last frames ({@link #groundTruthOf},
 * {@link #groundTruthAt}) so that tests can score the pipeline. The pipeline itself must never read
 * it.
 *
 * <p>Thread-safety: grabbing and closing are serialised, so one thread (e.g. a Camel timer) polls;
 * ground truth can be read from any thread at any time without waiting for a render.
 */
public final class SimulatedCamera implements FrameSource {
    private final SimulatorSettings settings;
    private final SimulatorLayout layout;
    private final TableSimulator simulator;
    private final TableRenderer renderer;
    private final GroundTruthHistory history;
    private final LongSupplier clockUs;
    private long sequence;
    private long lastCapturedAtUs;
    private boolean closed;

    public SimulatedCamera(SimulatorSettings settings) {
        this(settings, Clocks::epochMicros);
    }

    /**
     * With a given clock (epoch microseconds): tests that replay the game faster than real time
     * use one that advances by a frame's duration per reading, so that capture times stay as far
     * apart as a real camera's.
     */
    public SimulatedCamera(SimulatorSettings settings, LongSupplier clockUs) {
        this.settings = settings;
        this.layout = SimulatorLayout.of(settings.width(), settings.height(), settings.table());
        this.simulator = new TableSimulator(settings.table(), settings.physics(), settings.fps(), settings.seed());
        this.renderer = new TableRenderer(layout, settings.clothColour(), settings.noiseSigma(), settings.seed());
        this.history = new GroundTruthHistory(settings.groundTruthHistory());
        this.clockUs = clockUs;
    }

    /** Plays one frame on and returns it; never empty, the game goes on for ever. */
    @Override
    public synchronized Optional<Frame> grab() {
        if (closed) {
            throw new CameraException(description() + " is closed");
        }
        simulator.advance();
        TableState state = simulator.state();
        Mat image = renderer.render(state);
        sequence++;
        lastCapturedAtUs = Math.max(clockUs.getAsLong(), lastCapturedAtUs + 1);
        history.add(GroundTruthFrame.of(sequence, lastCapturedAtUs, state, layout));
        return Optional.of(new Frame(sequence, lastCapturedAtUs, image));
    }

    /** The ground truth of the recent frame with this sequence number. Tests only. */
    public Optional<GroundTruthFrame> groundTruthOf(long sequence) {
        return history.bySequence(sequence);
    }

    /** The ground truth of the recent frame captured at exactly this time. Tests only. */
    public Optional<GroundTruthFrame> groundTruthAt(long capturedAtUs) {
        return history.byCaptureTime(capturedAtUs);
    }

    /** E.g. "simulated 9ft-pool table, seed 42, 1280x720 @ 30 fps". */
    @Override
    public String description() {
        return String.format(Locale.ROOT, "simulated %s table, seed %d, %dx%d @ %s fps", settings.table().name(),
                settings.seed(), settings.width(), settings.height(), SimulatorSettings.plain(settings.fps()));
    }

    @Override
    public double fps() {
        return settings.fps();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** The pixel/millimetre mapping the frames are drawn with. */
    public SimulatorLayout layout() {
        return layout;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            renderer.close();
        }
    }
}

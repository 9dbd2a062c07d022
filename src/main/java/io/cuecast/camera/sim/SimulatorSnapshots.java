package io.cuecast.camera.sim;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Dev tool: plays the default simulation and writes a few telling frames as PNGs (the rack, the
 * break being aimed, the break spreading, a shot being aimed late in the rack), then prints how long
 * rendering took. Usage: {@code SimulatorSnapshots <folder> [width height]}.
 */
public final class SimulatorSnapshots {
    /** Frames of aiming shown in the aiming pictures, so the cue has settled behind the ball. */
    private static final int AIMING_FRAMES = 30;
    private static final int BREAK_FRAMES = 12;
    private static final int LATE_SHOT = 6;

    private SimulatorSnapshots() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: SimulatorSnapshots <folder> [width height]");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        SimulatorSettings settings = SimulatorSettings.defaults();
        if (args.length == 3) {
            settings = settings.withSize(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        }
        TableSimulator simulator = new TableSimulator(settings.table(), settings.physics(), settings.fps(), settings.seed());
        SimulatorLayout layout = SimulatorLayout.of(settings.width(), settings.height(), settings.table());
        try (TableRenderer renderer = new TableRenderer(layout, settings.clothColour(), settings.noiseSigma(),
                settings.seed())) {
            long renderNanos = 0;
            int frames = 0;
            int cueFrames = 0;
            int framesSinceBreak = -1;
            boolean aimingWritten = false;
            while (true) {
                TableState state = simulator.state();
                long start = System.nanoTime();
                Mat frame = renderer.render(state);
                renderNanos += System.nanoTime() - start;
                frames++;
                cueFrames = state.cue().isPresent() ? cueFrames + 1 : 0;
                if (frames == 1) {
                    write(folder, "1-rack", frame);
                } else if (cueFrames == AIMING_FRAMES && !aimingWritten) {
                    write(folder, "2-aiming-break", frame);
                    aimingWritten = true;
                } else if (framesSinceBreak == BREAK_FRAMES) {
                    write(folder, "3-mid-break", frame);
                } else if (simulator.shotsTaken() == LATE_SHOT - 1 && cueFrames == AIMING_FRAMES) {
                    write(folder, "4-aiming-late-in-rack", frame);
                    frame.release();
                    break;
                }
                frame.release();
                simulator.advance();
                if (simulator.shotsTaken() > 0) {
                    framesSinceBreak++;
                }
            }
            System.out.printf(Locale.ROOT, "rendered %d frames of %dx%d, %.2f ms each on average%n",
                    frames, settings.width(), settings.height(), renderNanos / 1e6 / frames);
        }
    }

    private static void write(Path folder, String name, Mat frame) {
        Path file = folder.resolve(name + ".png");
        if (!Imgcodecs.imwrite(file.toString(), frame)) {
            throw new IllegalStateException("could not write " + file);
        }
        System.out.println("wrote " + file);
    }
}

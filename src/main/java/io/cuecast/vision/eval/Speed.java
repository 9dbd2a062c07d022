package io.cuecast.vision.eval;

import io.cuecast.camera.Frame;
import io.cuecast.table.TableSpec;
import io.cuecast.vision.VisionPipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Detection time per frame on real frames scaled to a given size, OpenCV held to one thread. The
 * table is learnt on each frame first (untimed), as a running camera has it; then the frame is
 * detected {@code repeats} times. Each detection is timed by the wall clock, which a busy machine
 * inflates, and by the CPU time of the detecting thread, which on one thread is the work itself.
 */
public final class Speed {
    private Speed() {
    }

    public record Result(int width, int height, int samples, double medianMs, double p99Ms, double cpuMedianMs,
                         double cpuP99Ms) {
        public String line() {
            return String.format(Locale.ROOT, "speed %dx%d, %d detections on one thread: median %.2f ms, p99 %.2f ms"
                    + " (CPU median %.2f ms, p99 %.2f ms)", width, height, samples, medianMs, p99Ms, cpuMedianMs, cpuP99Ms);
        }
    }

    public static Result measure(List<Mat> frames, TableSpec spec, int width, int height, int repeats) {
        int openCvThreads = Core.getNumThreads();
        Core.setNumThreads(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] millis = new double[frames.size() * repeats];
        double[] cpuMillis = new double[millis.length];
        int n = 0;
        try {
            for (Mat original : frames) {
                Mat scaled = new Mat();
                Imgproc.resize(original, scaled, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
                VisionPipeline pipeline = new VisionPipeline(spec, Integer.MAX_VALUE);
                Frame frame = new Frame(1, 0, scaled);
                pipeline.detect(frame);
                for (int r = 0; r < repeats; r++) {
                    long started = System.nanoTime();
                    long cpuStarted = threads.getCurrentThreadCpuTime();
                    pipeline.detect(frame);
                    cpuMillis[n] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
                    millis[n++] = (System.nanoTime() - started) / 1e6;
                }
                scaled.release();
            }
        } finally {
            Core.setNumThreads(openCvThreads);
        }
        double[] wall = sorted(millis, n);
        double[] cpu = sorted(cpuMillis, n);
        return new Result(width, height, n, quantile(wall, 0.5), quantile(wall, 0.99), quantile(cpu, 0.5),
                quantile(cpu, 0.99));
    }

    private static double[] sorted(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}

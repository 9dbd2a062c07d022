package io.cuecast.physics.prediction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The cue's approach to the cue ball over recent frames: while the tip closes in steadily and fast
 * (a stroke, not a practice waggle), its speed is the speed the ball will take. A stick and a ball of
 * similar effective mass trade speeds nearly one for one; the configured default stands in otherwise.
 * Not thread-safe.
 */
final class CueApproach {
    /**
     * Samples kept: a stroke's last frames, enough for a least-squares slope that noise does not
     * swing, with one to spare for the frame beside the ball that is left out.
     */
    private static final int SAMPLES = 5;
    /** Nearer than this the ball's outline takes in the tip's end, and the gap reads too wide. */
    static final double NEAR_BALL_MM = 25;
    /** Slower than this the tip is settling or waggling, not striking. */
    static final double MIN_STROKE_MM_S = 300;

    /**
     * A stroke's speed as the approach shows it.
     *
     * @param speedMmPerS the tip's closing speed
     * @param atLeast     true when it was measured over one frame only, from a frame in which the
     *                    stick may still have been held: the stroke is at least this fast, and
     *                    a fast stroke reaches the ball before a second frame shows more
     */
    record Stroke(double speedMmPerS, boolean atLeast) {
    }

    private final Deque<double[]> samples = new ArrayDeque<>();
    private int ballId = -1;

    /** A frame's tip gap to the aimed ball; a different ball starts afresh. */
    void observe(long capturedAtUs, CueAim aim) {
        if (aim.cueBallId() != ballId) {
            samples.clear();
            ballId = aim.cueBallId();
        }
        double seconds = capturedAtUs / 1e6;
        if (!samples.isEmpty() && samples.peekLast()[0] >= seconds) {
            return;
        }
        samples.addLast(new double[] {seconds, aim.tipGapMm()});
        if (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
    }

    /** No cue aims now: the next aim starts a new approach. */
    void reset() {
        samples.clear();
        ballId = -1;
    }

    /**
     * The stroke under way: the tip's closing speed, fitted over the latest frames in which each step
     * closed in at stroke speed (a held stick's jitter does not start a stroke). The first of them was
     * taken before the stroke began, which may have been anywhere in the frame after it: it is left out
     * when two later frames are enough to fit, and otherwise the speed is only a lower bound
     * ({@link Stroke#atLeast}). Frames with the tip within {@value #NEAR_BALL_MM} mm of the ball are left
     * out: there the ball hides the tip's last millimetres, and the gap reads too wide.
     */
    Optional<Stroke> stroke() {
        double[][] recent = samples.stream().filter(sample -> sample[1] >= NEAR_BALL_MM).toArray(double[][]::new);
        int from = recent.length - 1;
        while (from > 0 && closingSpeed(recent[from - 1], recent[from]) >= MIN_STROKE_MM_S) {
            from--;
        }
        boolean heldFrameLeftOut = recent.length - from >= 3;
        if (heldFrameLeftOut) {
            from++;
        }
        int n = recent.length - from;
        if (n < 2) {
            return Optional.empty();
        }
        double meanT = 0;
        double meanGap = 0;
        for (int i = from; i < recent.length; i++) {
            meanT += recent[i][0] / n;
            meanGap += recent[i][1] / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = from; i < recent.length; i++) {
            covariance += (recent[i][0] - meanT) * (recent[i][1] - meanGap);
            variance += (recent[i][0] - meanT) * (recent[i][0] - meanT);
        }
        double closing = -covariance / variance;
        return closing >= MIN_STROKE_MM_S ? Optional.of(new Stroke(closing, !heldFrameLeftOut)) : Optional.empty();
    }

    /** How fast the gap shrank from one sample (seconds, gap) to the next, mm/s. */
    private static double closingSpeed(double[] earlier, double[] later) {
        return (earlier[1] - later[1]) / (later[0] - earlier[0]);
    }
}

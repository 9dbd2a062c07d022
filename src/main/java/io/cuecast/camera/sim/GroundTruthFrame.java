package io.cuecast.camera.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a simulated frame really showed, for tests to score the vision pipeline against.
 *
 * <p><b>Tests only:</b> the pipeline must never read ground truth, or it would measure nothing.
 *
 * @param sequence     the frame's sequence number
 * @param capturedAtUs the frame's capture time, epoch microseconds
 * @param balls        every ball on the table, in number order
 * @param cue          the cue stick, when it was over the table
 */
public record GroundTruthFrame(long sequence, long capturedAtUs, List<GroundTruthBall> balls,
                               Optional<GroundTruthCue> cue) {

    public GroundTruthFrame {
        balls = List.copyOf(balls);
    }

    /** The ground truth of {@code state} as drawn with {@code layout}. */
    public static GroundTruthFrame of(long sequence, long capturedAtUs, TableState state, SimulatorLayout layout) {
        double radius = layout.table().ballRadiusMm();
        List<GroundTruthBall> balls = new ArrayList<>();
        for (BallState ball : state.balls()) {
            double covered = state.cue().map(stick -> stick.coveredShareOfDisc(ball.xMm(), ball.yMm(), radius)).orElse(0.0);
            balls.add(new GroundTruthBall(ball.ball().number(), ball.ball().type(), ball.xMm(), ball.yMm(),
                    layout.xToPx(ball.xMm()), layout.yToPx(ball.yMm()), ball.vxMmPerS(), ball.vyMmPerS(), 1 - covered));
        }
        Optional<GroundTruthCue> cue = state.cue().map(stick -> new GroundTruthCue(stick.tipXMm(), stick.tipYMm(),
                layout.xToPx(stick.tipXMm()), layout.yToPx(stick.tipYMm()), stick.angleRad()));
        return new GroundTruthFrame(sequence, capturedAtUs, balls, cue);
    }

    public boolean cuePresent() {
        return cue.isPresent();
    }

    /** The ball numbered {@code number}, if it was on the table. */
    public Optional<GroundTruthBall> ball(int number) {
        return balls.stream().filter(b -> b.number() == number).findFirst();
    }
}

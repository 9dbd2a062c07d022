package io.cuecast.physics.prediction;

import io.cuecast.state.TableState;
import io.cuecast.state.TrackedBall;
import io.cuecast.vision.CueDetection;
import java.util.Optional;

/**
 * Where the cue stick aims: at the first ball on its line ahead of the tip (the cue ball), along the
 * stick's direction. The ball leaves along the stick's axis even when the tip is off its centre
 * (that is side spin, which this prediction leaves out).
 *
 * @param cueBallId   the ball the stick will strike
 * @param angleRad    the direction the ball will go, table frame (0 = +x, y down)
 * @param sigmaRad    one standard deviation of that direction
 * @param tipGapMm    from the tip to the ball's surface, along the stick
 */
public record CueAim(int cueBallId, double angleRad, double sigmaRad, double tipGapMm) {

    /** Farthest the tip may be behind the ball and still be aiming at it (a long back swing). */
    static final double MAX_TIP_GAP_MM = 600;
    /** A ball counts as on the line when its centre is this many radii from it (the tip's measurement error). */
    private static final double LINE_TOLERANCE_RADII = 1.5;
    /** A detection this unsure is taken as this sure, so that the noise stays finite. */
    private static final double LEAST_CONFIDENCE = 0.2;

    /**
     * The aim a state's cue shows, or empty when there is no cue or no ball on its line within
     * reach of the tip.
     *
     * @param aimNoiseDeg the direction's standard deviation for a detection of confidence 1
     */
    public static Optional<CueAim> of(TableState state, double ballRadiusMm, double aimNoiseDeg) {
        CueDetection cue = state.cue();
        if (cue == null) {
            return Optional.empty();
        }
        double angle = Math.toRadians(cue.tableAngleDeg());
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        TrackedBall target = null;
        double nearest = Double.POSITIVE_INFINITY;
        for (TrackedBall ball : state.balls()) {
            double ox = ball.xMm() - cue.tipXMm();
            double oy = ball.yMm() - cue.tipYMm();
            double along = ox * dx + oy * dy;
            double across = Math.abs(-ox * dy + oy * dx);
            if (along > 0 && along - ballRadiusMm <= MAX_TIP_GAP_MM
                    && across <= LINE_TOLERANCE_RADII * ballRadiusMm && along < nearest) {
                target = ball;
                nearest = along;
            }
        }
        if (target == null) {
            return Optional.empty();
        }
        double sigma = Math.toRadians(aimNoiseDeg) / Math.max(cue.confidence(), LEAST_CONFIDENCE);
        return Optional.of(new CueAim(target.id(), angle, sigma, nearest - ballRadiusMm));
    }
}

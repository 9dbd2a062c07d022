package io.cuecast.camera.sim;

import io.cuecast.table.TableSpec;

import java.util.Optional;
import java.util.Random;

/**
 * The cue stick's movement for one shot, as a function of time: it comes in from off the table,
 * settles behind the cue ball and aims (its angle wandering a little, with two practice strokes),
 * draws back, pauses, strikes, and is pulled back off the table.
 *
 * <p>The stick is described by its tip's gap to the cue ball's surface along the shot line.
 */
final class CueStroke {
    private static final double REACH_IN_MM_S = 2500;
    private static final double REST_GAP_MM = 45;
    private static final double PRACTICE_STROKE_MM = 35;
    private static final int PRACTICE_STROKES = 2;
    private static final double DRAW_BACK_S = 0.35;
    private static final double HOLD_S = 0.15;
    private static final double WITHDRAW_S = 0.8;
    /** Beyond the table's outer edge where the stick's tip starts and ends. */
    private static final double OFF_TABLE_MM = 40;

    private final double cueBallX;
    private final double cueBallY;
    private final double ballRadius;
    private final Shot shot;
    private final double offTableGap;
    private final double drawBackGap;
    private final double wobbleRad;
    private final double wobbleHz;
    private final double wobblePhase;

    private final double approachEnd;
    private final double aimEnd;
    private final double drawBackEnd;
    private final double holdEnd;
    private final double strikeEnd;
    private final double withdrawEnd;

    private double time;

    CueStroke(double cueBallX, double cueBallY, Shot shot, TableSpec table, Random random) {
        this.cueBallX = cueBallX;
        this.cueBallY = cueBallY;
        this.ballRadius = table.ballRadiusMm();
        this.shot = shot;
        this.offTableGap = distanceOffTable(table) - ballRadius;
        this.drawBackGap = 150 + random.nextDouble() * 70;
        this.wobbleRad = Math.toRadians(1 + random.nextDouble() * 2);
        this.wobbleHz = 0.5 + random.nextDouble() * 0.5;
        this.wobblePhase = random.nextDouble() * 2 * Math.PI;

        approachEnd = Math.min(Math.max((offTableGap - REST_GAP_MM) / REACH_IN_MM_S, 0.4), 1.0);
        aimEnd = approachEnd + 1.0 + random.nextDouble() * 0.5;
        drawBackEnd = aimEnd + DRAW_BACK_S;
        holdEnd = drawBackEnd + HOLD_S;
        strikeEnd = holdEnd + drawBackGap / shot.speedMmPerS();
        withdrawEnd = strikeEnd + WITHDRAW_S;
    }

    /**
     * Moves the stroke on by {@code dtSeconds}.
     *
     * @return true exactly once: in the advance during which the tip reaches the cue ball
     */
    boolean advance(double dtSeconds) {
        double before = time;
        time += dtSeconds;
        return before < strikeEnd && time >= strikeEnd;
    }

    boolean isOver() {
        return time >= withdrawEnd;
    }

    Shot shot() {
        return shot;
    }

    /** The stick now, or empty once it has been taken away. */
    Optional<CueStick> stick() {
        if (isOver()) {
            return Optional.empty();
        }
        double angle = shot.angleRad() + aimOffset();
        double back = ballRadius + tipGap();
        return Optional.of(new CueStick(cueBallX - Math.cos(angle) * back, cueBallY - Math.sin(angle) * back, angle));
    }

    private double tipGap() {
        if (time < approachEnd) {
            return lerp(offTableGap, REST_GAP_MM, easeOut(time / approachEnd));
        }
        if (time < aimEnd) {
            double t = (time - approachEnd) / (aimEnd - approachEnd);
            return REST_GAP_MM + PRACTICE_STROKE_MM * (1 - Math.cos(2 * Math.PI * PRACTICE_STROKES * t)) / 2;
        }
        if (time < drawBackEnd) {
            return lerp(REST_GAP_MM, drawBackGap, easeInOut((time - aimEnd) / DRAW_BACK_S));
        }
        if (time < holdEnd) {
            return drawBackGap;
        }
        if (time < strikeEnd) {
            return drawBackGap * (strikeEnd - time) / (strikeEnd - holdEnd);
        }
        return lerp(0, offTableGap, easeIn((time - strikeEnd) / WITHDRAW_S));
    }

    /** The aim wanders while the player settles and comes to rest on the shot line before the strike. */
    private double aimOffset() {
        double fade = time < approachEnd ? 1 : Math.max(0, 1 - (time - approachEnd) / (aimEnd - approachEnd));
        return wobbleRad * fade * Math.sin(2 * Math.PI * wobbleHz * time + wobblePhase);
    }

    /** How far back along the shot line the table's outer edge (cushions and rails) is, plus a little. */
    private double distanceOffTable(TableSpec table) {
        double border = SimulatorLayout.CUSHION_WIDTH_MM + SimulatorLayout.RAIL_WIDTH_MM + OFF_TABLE_MM;
        double backX = -Math.cos(shot.angleRad());
        double backY = -Math.sin(shot.angleRad());
        double toX = backX > 0 ? (table.lengthMm() + border - cueBallX) / backX
                : backX < 0 ? (-border - cueBallX) / backX : Double.POSITIVE_INFINITY;
        double toY = backY > 0 ? (table.widthMm() + border - cueBallY) / backY
                : backY < 0 ? (-border - cueBallY) / backY : Double.POSITIVE_INFINITY;
        return Math.min(toX, toY);
    }

    private static double lerp(double from, double to, double t) {
        return from + (to - from) * t;
    }

    private static double easeOut(double t) {
        return 1 - (1 - t) * (1 - t);
    }

    private static double easeIn(double t) {
        return t * t;
    }

    private static double easeInOut(double t) {
        return t * t * (3 - 2 * t);
    }
}

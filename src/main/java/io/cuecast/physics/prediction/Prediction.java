package io.cuecast.physics.prediction;

import io.cuecast.physics.ShotOutcome;
import java.util.List;

/**
 * A predicted shot: what the cue is about to do, what the physics says follows, and how sure we are.
 *
 * @param frameSequence     the frame of the state it was made from
 * @param capturedAtUs      that frame's capture time
 * @param shot              the estimated strike
 * @param outcome           the nominal shot played out by the event-based physics
 * @param ghostBall         where the cue ball's centre is when it first touches an object ball, or null when it touches none
 * @param confidence        0..1: the share of shots sampled within the aim's and speed's uncertainty
 *                          that hit the same first ball and pocket the same balls as the nominal one
 * @param samples           how many were sampled
 * @param calculationTimeMs the nominal shot and the sampling, as measured
 */
public record Prediction(long frameSequence, long capturedAtUs, ShotEstimate shot, ShotOutcome outcome,
                         GhostBall ghostBall, double confidence, int samples, double calculationTimeMs) {

    /** The cue ball at first contact with {@code objectBallId}. */
    public record GhostBall(int objectBallId, double x, double y) {
    }

    /** What decides whether two shots "agree": the first object ball hit and the balls pocketed. */
    record Result(Integer firstBallHit, List<Integer> pocketed) {
    }
}

package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * The tracker on a long simulated game, fed the simulator's true positions with a detector's faults
 * ({@link GroundTruthFeed}): fast enough to play tens of thousands of frames. The game is seed 3's;
 * {@code -Dcuecast.test.seed=N} plays another, to see how the figures hold (the bounds are set on seed 3).
 */
class GroundTruthTrackingTest {

    @Test
    void identitiesPocketingsAndShotsHoldOverALongRandomGame() {
        TableSpec table = TableSpec.POOL_9FT;
        GroundTruthFeed feed = new GroundTruthFeed(table, 30, Long.getLong("cuecast.test.seed", 3),
                GroundTruthFeed.Faults.realistic());
        TrackingLimits limits = new TrackingLimits(8000, 5, 3, 1.0, 25, 1);
        BallTracker tracker = new BallTracker(table, limits);
        EventDetector detector = new EventDetector(table, limits);
        TrackingScore score = new TrackingScore();
        ShotScore shots = new ShotScore(limits.restSpeedMmPerS());
        for (int n = 0; n < 12_000; n++) {
            GroundTruthFeed.Step step = feed.next();
            TableState state = tracker.update(step.detection());
            score.score(step, state);
            shots.score(step, detector.onFrame(state), score.numberOfId());
        }
        System.out.println("ground-truth tracking: " + score.figures());
        System.out.println("ground-truth shots: " + shots.figures());
        score.problems().stream().limit(40).forEach(System.out::println);
        shots.problems().stream().limit(40).forEach(System.out::println);
        assertEquals(0, score.switches, score.figures());
        assertEquals(score.truthPockets, score.pocketsRight, score.figures());
        assertEquals(0, score.falsePockets, score.figures());
        assertEquals(0, shots.startsOutside(2), shots.figures());
        // shot_ended is dated to when the last ball came to rest, judged from where it stopped: none
        // of 413 shots on eight seeds is more than 2 frames out (bench/RESULTS.md).
        assertEquals(0, shots.endsOutside(2), shots.figures());
        assertTrue(shots.falseStarts <= 1, shots.figures());
        // shot_ended's first_ball_hit, from the tracker's collision heuristics: a break's rack is hit all at once.
        assertTrue(shots.firstHitsWrong <= shots.shots / 10, shots.figures());
        assertTrue(score.movingSpeedErrorMedian() < 25, score.figures());
    }
}

package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cuecast.table.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * The tracker on a long simulated game, fed the simulator's true positions with a detector's faults
 * ({@link GroundTruthFeed}): fast enough to play tens of thousands of frames.
 */
class GroundTruthTrackingTest {

    @Test
    void identitiesAndPocketingsHoldOverALongRandomGame() {
        TableSpec table = TableSpec.POOL_9FT;
        GroundTruthFeed feed = new GroundTruthFeed(table, 30, 3, GroundTruthFeed.Faults.realistic());
        BallTracker tracker = new BallTracker(table, new TrackingLimits(8000, 5, 3, 1.0, 20, 2));
        TrackingScore score = new TrackingScore();
        for (int n = 0; n < 12_000; n++) {
            GroundTruthFeed.Step step = feed.next();
            score.score(step, tracker.update(step.detection()));
        }
        System.out.println("ground-truth tracking: " + score.figures());
        score.problems().stream().limit(40).forEach(System.out::println);
        assertEquals(0, score.switches, score.figures());
    }
}

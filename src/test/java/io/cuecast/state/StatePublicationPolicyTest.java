package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.table.BallType;
import io.cuecast.table.TableSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatePublicationPolicyTest {
    private final StatePublicationPolicy policy = new StatePublicationPolicy(2.0, 10, 1.0);

    private static TableState at(long us, double x) {
        TrackedBall ball = new TrackedBall(1, BallType.CUE, 0, x, 500, 0, 0, 0, 0, 0, 0, false, false, 1, 0, 0);
        return new TableState(us / 1000, us, TableSpec.POOL_9FT, true, List.of(ball));
    }

    @Test
    void sendsTheFirstStateAndThenOnlyChangesBeyondNoise() {
        assertTrue(policy.shouldPublish(at(0, 100)));
        assertFalse(policy.shouldPublish(at(200_000, 101.5)), "1.5 mm is noise");
        assertTrue(policy.shouldPublish(at(300_000, 103)), "3 mm from the last sent is a move");
    }

    @Test
    void neverExceedsTheMaximumRate() {
        assertTrue(policy.shouldPublish(at(0, 100)));
        assertFalse(policy.shouldPublish(at(50_000, 150)), "10 Hz allows one per 100 ms");
        assertTrue(policy.shouldPublish(at(100_000, 200)));
    }

    @Test
    void keepsAliveAnUnchangedTable() {
        assertTrue(policy.shouldPublish(at(0, 100)));
        assertFalse(policy.shouldPublish(at(999_000, 100)));
        assertTrue(policy.shouldPublish(at(1_000_000, 100)));
    }
}

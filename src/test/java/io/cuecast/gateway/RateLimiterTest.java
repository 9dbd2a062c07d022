package io.cuecast.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60));

    @Test
    void admitsUpToTheLimitWithinTheWindow() {
        assertTrue(limiter.tryAcquire(0));
        assertTrue(limiter.tryAcquire(10));
        assertTrue(limiter.tryAcquire(20));
        assertFalse(limiter.tryAcquire(59_999));
    }

    @Test
    void theWindowSlidesOneAdmissionAtATime() {
        limiter.tryAcquire(0);
        limiter.tryAcquire(10_000);
        limiter.tryAcquire(20_000);

        assertTrue(limiter.tryAcquire(60_000), "the first admission has left the window");
        assertFalse(limiter.tryAcquire(60_001), "the second one has not");
        assertTrue(limiter.tryAcquire(70_000));
    }

    @Test
    void rejectedAttemptsDoNotCount() {
        limiter.tryAcquire(0);
        limiter.tryAcquire(0);
        limiter.tryAcquire(0);
        for (int i = 0; i < 50; i++) {
            assertFalse(limiter.tryAcquire(30_000));
        }
        assertTrue(limiter.tryAcquire(60_000));
    }
}

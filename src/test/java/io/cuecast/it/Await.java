package io.cuecast.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits for a condition by polling it, and fails with the last value seen when time runs out. */
public final class Await {
    private Await() {
    }

    public static <T> T until(Callable<T> probe, Predicate<T> done, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            Thread.sleep(50); // polling interval, not a wait for the result
            last = probe.call();
        }
        return last;
    }
}

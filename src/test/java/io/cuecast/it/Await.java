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

    /**
     * Checks that a value stays the same for a while: the only way to see that something does not
     * happen. Fails as soon as it changes.
     */
    public static <T> void unchangedFor(Callable<T> probe, Duration window, String what) throws Exception {
        T first = probe.call();
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            T now = probe.call();
            if (!first.equals(now)) {
                throw new AssertionError(what + " changed from " + first + " to " + now);
            }
            Thread.sleep(50); // polling interval
        }
    }
}

package io.cuecast.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway's flushes on one daemon thread, exactly when they are due: it keeps one wake-up
 * scheduled, at the earliest time asked for, and each flush says when the next one is due. So
 * max_fps up to 240 holds its interval to the scheduler's precision (about a millisecond), and an
 * idle gateway schedules nothing.
 */
public final class ScheduledFlushTimer implements FlushTimer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledFlushTimer.class);

    private final Clock clock;
    private final ScheduledExecutorService executor;
    /** The earliest wake-up scheduled and not yet started; null when none is. */
    private final AtomicReference<Instant> scheduled = new AtomicReference<>();
    private volatile Supplier<Optional<Instant>> flush;

    public ScheduledFlushTimer(Clock clock) {
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cuecast-gateway-flush");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * What to run: the gateway's {@code flushDue}, which answers when it is next due. Set once the
     * gateway exists, which itself needs this timer; wake-ups asked for before are kept.
     */
    public void drive(Supplier<Optional<Instant>> flushDue) {
        this.flush = flushDue;
        Instant pending = scheduled.getAndSet(null);
        if (pending != null) {
            wakeAt(pending);
        }
    }

    @Override
    public void wakeAt(Instant due) {
        while (true) {
            Instant current = scheduled.get();
            if (current != null && !current.isAfter(due)) {
                return; // a wake-up at or before then is coming, and its flush will ask for this one
            }
            if (scheduled.compareAndSet(current, due)) {
                break;
            }
        }
        if (flush != null && !executor.isShutdown()) {
            long delayNanos = Math.max(0, Duration.between(clock.instant(), due).toNanos());
            executor.schedule(() -> run(due), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void run(Instant due) {
        // Only the wake-up still registered clears it; an earlier one that was superseded just flushes.
        scheduled.compareAndSet(due, null);
        try {
            flush.get().ifPresent(this::wakeAt);
        } catch (RuntimeException e) {
            LOG.warn("Flushing the gateway's held-back messages failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

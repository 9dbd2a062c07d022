package io.cuecast.ops.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code cuecast_dead_letters_total{route,cause}}: messages dead-lettered (a failed replay counts
 * again), by failing route and the exception's simple class name; and
 * {@code cuecast_dead_letters_pending}, the letters waiting in the store.
 */
public final class DeadLetterMetrics {
    private final DeadLetterStore store;

    public DeadLetterMetrics(DeadLetterStore store) {
        this.store = store;
    }

    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cuecast.dead.letters.pending", store, s -> s.count(DeadLetterStatus.PENDING))
                .description("dead letters waiting to be replayed or purged").register(registry);
        store.onFailure(letter -> Counter.builder("cuecast.dead.letters")
                .description("messages dead-lettered, by failing route and cause")
                .tag("route", letter.route())
                .tag("cause", simpleName(letter.failure().exceptionClass()))
                .register(registry)
                .increment());
    }

    private static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}

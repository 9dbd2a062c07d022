package io.cuecast.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * How good a connection is: the original system's score, kept so that its clients read the same
 * numbers, and the quality level of its health monitor (latency bands, and heavy loss).
 */
public final class LinkQuality {

    /** A connection's quality, best first; UNKNOWN until a latency has been measured. */
    public enum Level { EXCELLENT, GOOD, FAIR, POOR, CRITICAL, UNKNOWN }

    /** Heavy loss: more than this share of recent stream messages dropped... */
    static final double HEAVY_LOSS_RATIO = 0.10;
    /** ...out of at least this many, so that one drop in two messages is not yet a verdict. */
    static final long HEAVY_LOSS_MIN_MESSAGES = 10;

    private LinkQuality() {
    }

    /** 1.0 under 50 ms, 0.8 under 100 ms, 0.6 under 200 ms, else 0.3; 1.0 while unmeasured. */
    static double score(Optional<Duration> latency) {
        if (latency.isEmpty()) {
            return 1.0;
        }
        long millis = latency.get().toMillis();
        if (millis < 50) {
            return 1.0;
        }
        if (millis < 100) {
            return 0.8;
        }
        if (millis < 200) {
            return 0.6;
        }
        return 0.3;
    }

    /**
     * EXCELLENT under 20 ms, GOOD under 50, FAIR under 100, POOR under 200, CRITICAL from 200 ms or
     * on heavy loss; UNKNOWN while no latency is measured and the loss is not heavy.
     *
     * @param latencyMillis the recent average latency, or null when unmeasured
     */
    static Level level(Double latencyMillis, long recentOffered, long recentDropped) {
        if (recentOffered >= HEAVY_LOSS_MIN_MESSAGES && recentDropped > HEAVY_LOSS_RATIO * recentOffered) {
            return Level.CRITICAL;
        }
        if (latencyMillis == null) {
            return Level.UNKNOWN;
        }
        if (latencyMillis < 20) {
            return Level.EXCELLENT;
        }
        if (latencyMillis < 50) {
            return Level.GOOD;
        }
        if (latencyMillis < 100) {
            return Level.FAIR;
        }
        if (latencyMillis < 200) {
            return Level.POOR;
        }
        return Level.CRITICAL;
    }
}

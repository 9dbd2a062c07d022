package io.cuecast.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connection's link health: latency samples (from pings), their jitter, and the share of
 * stream messages dropped recently, which together give its {@link LinkQuality.Level}. Samples come
 * a few times a minute, so plain synchronization is cheap; the per-message counters stay in
 * {@link ClientSession} and are only read here, once a second.
 */
public final class LinkHealth {

    /** The latency statistics cover this many recent samples. */
    static final int LATENCY_WINDOW = 20;
    /** Loss is judged over about this much recent time. */
    static final Duration LOSS_WINDOW = Duration.ofSeconds(10);
    /** RFC 3550's gain: each sample moves the jitter estimate by 1/16 of its surprise. */
    private static final double JITTER_GAIN = 1.0 / 16;

    /** Cumulative stream messages offered and dropped, as read at one moment. */
    private record Traffic(Instant at, long offered, long dropped) {
    }

    private final Deque<Double> latencies = new ArrayDeque<>();
    private final Deque<Traffic> traffic = new ArrayDeque<>();
    private Double lastLatency;
    private double jitter;
    private long samples;

    LinkHealth(Instant connectedAt) {
        traffic.add(new Traffic(connectedAt, 0, 0));
    }

    /** One latency measurement; the jitter follows RFC 3550, on the difference from the previous one. */
    synchronized void latency(Duration latency) {
        double millis = latency.toNanos() / 1e6;
        if (lastLatency != null) {
            jitter += (Math.abs(millis - lastLatency) - jitter) * JITTER_GAIN;
        }
        lastLatency = millis;
        samples++;
        latencies.addLast(millis);
        if (latencies.size() > LATENCY_WINDOW) {
            latencies.removeFirst();
        }
    }

    /**
     * Notes the cumulative counters, about once a second (the gateway's sweep). The oldest reading
     * kept is the newest one at least a loss window old: the recent figures count from there.
     */
    synchronized void traffic(Instant now, long offered, long dropped) {
        traffic.addLast(new Traffic(now, offered, dropped));
        Instant windowStart = now.minus(LOSS_WINDOW);
        while (traffic.size() > 1 && !secondOldest().isAfter(windowStart)) {
            traffic.removeFirst();
        }
    }

    private Instant secondOldest() {
        var readings = traffic.iterator();
        readings.next();
        return readings.next().at();
    }

    /** The figures now, given the current cumulative counters. */
    synchronized Report report(long offered, long dropped) {
        Traffic since = traffic.peekFirst();
        long recentOffered = offered - since.offered();
        long recentDropped = dropped - since.dropped();
        Double average = latencies.isEmpty() ? null
                : latencies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Report(
                LinkQuality.level(average, recentOffered, recentDropped),
                round(lastLatency),
                round(average),
                latencies.isEmpty() ? null : round(latencies.stream().mapToDouble(Double::doubleValue).min().orElseThrow()),
                latencies.isEmpty() ? null : round(latencies.stream().mapToDouble(Double::doubleValue).max().orElseThrow()),
                samples < 2 ? null : round(jitter),
                samples,
                recentOffered,
                recentDropped,
                recentOffered == 0 ? 0.0 : Math.round(10_000.0 * recentDropped / recentOffered) / 10_000.0);
    }

    private static Double round(Double millis) {
        return millis == null ? null : Math.round(millis * 1000) / 1000.0;
    }

    /**
     * A connection's link health, as {@code get_status} and the REST API show it under {@code link}.
     * Latencies in milliseconds, over the last {@value #LATENCY_WINDOW} samples; null until measured.
     */
    public record Report(
            @JsonProperty("quality_level") LinkQuality.Level qualityLevel,
            @JsonProperty("latency_ms") Double latencyMs,
            @JsonProperty("avg_latency_ms") Double avgLatencyMs,
            @JsonProperty("min_latency_ms") Double minLatencyMs,
            @JsonProperty("max_latency_ms") Double maxLatencyMs,
            @JsonProperty("jitter_ms") Double jitterMs,
            @JsonProperty("latency_samples") long latencySamples,
            @JsonProperty("recent_messages_offered") long recentMessagesOffered,
            @JsonProperty("recent_messages_dropped") long recentMessagesDropped,
            @JsonProperty("recent_drop_ratio") double recentDropRatio) {
    }
}

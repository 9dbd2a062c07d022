package io.cuecast.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Decides whether a new WebSocket connection may open: at most {@code connectionsPerMinute} new
 * connections a minute from one IP address (the original's default was 10), and, when an allow-list
 * is configured, only from browsers whose {@code Origin} is on it. A client that sends no Origin is
 * not a browser, and the Origin check (which only protects browsers' users) does not apply to it.
 */
public final class ConnectionGate {
    /** WebSocket close code 1008, policy violation, as the original used for its rate limit. */
    public static final int POLICY_VIOLATION = 1008;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Forget idle addresses every so many admissions, so the map stays as small as the active set. */
    private static final int PRUNE_EVERY = 1024;

    private volatile int connectionsPerMinute;
    private final Set<String> allowedOrigins;
    private final Clock clock;
    private final ConcurrentMap<String, RateLimiter> byAddress = new ConcurrentHashMap<>();
    private int sincePrune;

    /** Why a connection was refused: the close code and a reason for the client. */
    public record Refusal(int code, String reason) {
    }

    /**
     * @param allowedOrigins origins browsers may connect from; empty or containing "*" allows any
     */
    public ConnectionGate(int connectionsPerMinute, Set<String> allowedOrigins, Clock clock) {
        setConnectionsPerMinute(connectionsPerMinute);
        this.allowedOrigins = allowedOrigins.contains("*") ? Set.of()
                : allowedOrigins.stream().map(ConnectionGate::normalise).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    /** A new limit, live: every address starts counting again under it. */
    public void setConnectionsPerMinute(int connectionsPerMinute) {
        if (connectionsPerMinute < 1) {
            throw new IllegalArgumentException("connections per minute must be at least 1, was " + connectionsPerMinute);
        }
        this.connectionsPerMinute = connectionsPerMinute;
        byAddress.clear();
    }

    /** Empty when the connection may open; otherwise why not. Counts the connection when admitted. */
    public Optional<Refusal> admit(String address, String origin) {
        if (origin != null && !allowedOrigins.isEmpty() && !allowedOrigins.contains(normalise(origin))) {
            return Optional.of(new Refusal(POLICY_VIOLATION, "origin '" + origin + "' is not allowed"));
        }
        long now = clock.millis();
        pruneNow(now);
        RateLimiter limiter = byAddress.computeIfAbsent(address, a -> new RateLimiter(connectionsPerMinute, WINDOW));
        if (!limiter.tryAcquire(now)) {
            return Optional.of(new Refusal(POLICY_VIOLATION, "Rate limit exceeded: at most " + connectionsPerMinute
                    + " new connections a minute from " + address));
        }
        return Optional.empty();
    }

    /** Addresses currently tracked (for tests and metrics). */
    public int trackedAddresses() {
        return byAddress.size();
    }

    private synchronized void pruneNow(long now) {
        if (++sincePrune >= PRUNE_EVERY) {
            sincePrune = 0;
            byAddress.values().removeIf(limiter -> limiter.isIdle(now));
        }
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

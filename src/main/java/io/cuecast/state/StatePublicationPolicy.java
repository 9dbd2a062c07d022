package io.cuecast.state;

import java.util.List;
import java.util.Objects;

/**
 * Decides which states are worth sending: a state goes out when it differs from the last one sent
 * by more than detection noise (a ball moved, appeared, vanished or changed identity), at most at
 * {@code maxRateHz}, and otherwise at the keep-alive interval so that clients see the table is
 * still watched. Times are capture times, so the decision follows the camera, not the wall clock.
 *
 * <p>Not thread-safe: called by the single state-update stage.
 */
public final class StatePublicationPolicy {
    /** Live-configurable: replaced whole, read once per decision. */
    private volatile Limits limits;
    private TableState lastSent;

    private record Limits(double noiseMm, long minIntervalUs, long keepAliveUs) {
    }

    /**
     * @param noiseMm          movements up to this are detection noise, not change
     * @param maxRateHz        the most states per second
     * @param keepAliveSeconds how long an unchanged table goes unreported
     */
    public StatePublicationPolicy(double noiseMm, double maxRateHz, double keepAliveSeconds) {
        setLimits(noiseMm, maxRateHz, keepAliveSeconds);
    }

    /** Changes the limits from the next decision on; safe from any thread. */
    public void setLimits(double noiseMm, double maxRateHz, double keepAliveSeconds) {
        if (noiseMm < 0 || maxRateHz <= 0 || keepAliveSeconds <= 0) {
            throw new IllegalArgumentException("noise must be >= 0, rate and keep-alive > 0");
        }
        this.limits = new Limits(noiseMm, (long) (1e6 / maxRateHz), (long) (keepAliveSeconds * 1e6));
    }

    /** Whether to send {@code state}; when it answers true it records the state as sent. */
    public boolean shouldPublish(TableState state) {
        Limits limits = this.limits;
        boolean send = lastSent == null || dueForKeepAlive(state, limits)
                || (rateAllows(state, limits) && changed(state, limits.noiseMm()));
        if (send) {
            lastSent = state;
        }
        return send;
    }

    private boolean rateAllows(TableState state, Limits limits) {
        return state.capturedAtUs() - lastSent.capturedAtUs() >= limits.minIntervalUs();
    }

    private boolean dueForKeepAlive(TableState state, Limits limits) {
        return state.capturedAtUs() - lastSent.capturedAtUs() >= limits.keepAliveUs();
    }

    private boolean changed(TableState state, double noiseMm) {
        List<TrackedBall> before = lastSent.balls();
        List<TrackedBall> now = state.balls();
        if (before.size() != now.size() || state.tableFound() != lastSent.tableFound()) {
            return true;
        }
        for (int i = 0; i < now.size(); i++) {
            TrackedBall a = before.get(i);
            TrackedBall b = now.get(i);
            if (a.id() != b.id() || a.type() != b.type() || !Objects.equals(a.number(), b.number())
                    || a.distanceMm(b) > noiseMm) {
                return true;
            }
        }
        return false;
    }
}

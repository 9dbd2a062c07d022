package io.cuecast.ops;

import java.util.Map;

/**
 * Turns the failures behind a circuit breaker into two alerts per outage: one when it starts and
 * one when it ends, however many calls fail or are short-circuited in between. The breaker's
 * fallback reports each failure, and the normal path reports each success. Thread-safe.
 */
public final class OutageAlerts {
    private final String component;
    /** What an outage's code ends with for its end's alert. */
    public static final String RESTORED = "_RESTORED";
    private final String code;
    private boolean down;

    /**
     * @param component what fails, as operators know it: "camera", "state publication"
     * @param code      the alert code of the outage; its end is {@code code + RESTORED}
     */
    public OutageAlerts(String component, String code) {
        this.component = component;
        this.code = code;
    }

    /** The outage's alert on its first failure, else null. */
    public synchronized Alert failed(Throwable cause) {
        if (down) {
            return null;
        }
        down = true;
        String reason = cause == null ? "unknown cause" : String.valueOf(cause.getMessage());
        return new Alert("error", component + " is failing: " + reason, code,
                Map.of("component", component, "cause", cause == null ? "none" : cause.getClass().getName()));
    }

    /** Whether this success ends an outage, so that {@link #restoredAlert()} should go out. */
    public synchronized boolean succeededAfterOutage() {
        boolean ended = down;
        down = false;
        return ended;
    }

    /** The end-of-outage alert if this success ends an outage, else null. */
    public Alert restored() {
        return succeededAfterOutage() ? restoredAlert() : null;
    }

    public Alert restoredAlert() {
        return new Alert("info", component + " works again", code + RESTORED, Map.of("component", component));
    }

    public synchronized boolean isDown() {
        return down;
    }
}

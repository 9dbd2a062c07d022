package io.cuecast.ops;

/** A component's health, from best to worst. */
public enum HealthStatus {
    UP, DEGRADED, DOWN;

    public HealthStatus worse(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

package io.cuecast.camera;

import java.time.Instant;

/** Wall-clock time in epoch microseconds, the unit of every capture and send timestamp. */
public final class Clocks {
    private Clocks() {
    }

    public static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

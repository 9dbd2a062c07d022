package io.cuecast.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The gateway's one way of reading and writing time: microsecond precision, always UTC. */
final class Timestamps {

    /** Always six fraction digits, so clients can parse every timestamp the same way. */
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** E.g. "2026-11-25T17:45:56.123456Z". */
    static String iso(Instant instant) {
        return ISO_MICROS.format(instant);
    }

    static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}

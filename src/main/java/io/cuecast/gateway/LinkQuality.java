package io.cuecast.gateway;

import java.time.Duration;
import java.util.Optional;

/** The original system's connection quality score, kept so that its clients read the same numbers. */
final class LinkQuality {

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
}

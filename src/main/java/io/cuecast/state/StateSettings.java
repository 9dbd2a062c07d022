package io.cuecast.state;

import io.cuecast.config.ConfigSection;
import io.cuecast.config.LiveSetting;
import io.cuecast.config.Settings;
import java.util.List;

/** The {@code cuecast.state.*} keys: tracking and publication limits, all changeable live. */
public final class StateSettings {
    private static final List<LiveSetting> KEYS = List.of(
            LiveSetting.decimal("noise-mm", 2, 0, 100),
            LiveSetting.decimal("max-rate-hz", 30, 0.1, 240),
            LiveSetting.decimal("keepalive-seconds", 1, 0.05, 3600),
            LiveSetting.decimal("max-ball-speed-mm-s", 8000, 100, 50_000),
            LiveSetting.wholeNumber("max-missed-frames", 5, 0, 1000));

    private StateSettings() {
    }

    /**
     * Builds the state stage from the config, and the live section that changes it.
     *
     * @param minGateMm see {@link BallTracker}; follows from the table, not configurable
     */
    public static Built build(Settings settings, double minGateMm) {
        ConfigSection section = new ConfigSection("state", "cuecast.state.", KEYS, settings);
        ConfigSection.Values start = section.current();
        BallTracker tracker = new BallTracker(start.decimal("max-ball-speed-mm-s"), minGateMm,
                start.wholeNumber("max-missed-frames"));
        StatePublicationPolicy policy = new StatePublicationPolicy(start.decimal("noise-mm"),
                start.decimal("max-rate-hz"), start.decimal("keepalive-seconds"));
        section.onChange(values -> {
            tracker.setLimits(values.decimal("max-ball-speed-mm-s"), values.wholeNumber("max-missed-frames"));
            policy.setLimits(values.decimal("noise-mm"), values.decimal("max-rate-hz"),
                    values.decimal("keepalive-seconds"));
        });
        return new Built(new StateStage(tracker, policy), section);
    }

    public record Built(StateStage stage, ConfigSection section) {
    }
}

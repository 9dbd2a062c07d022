package io.cuecast.state;

import io.cuecast.config.ConfigSection;
import io.cuecast.config.LiveSetting;
import io.cuecast.config.Settings;
import io.cuecast.table.TableSpec;
import java.time.Clock;
import java.util.List;

/** The {@code cuecast.state.*} keys: tracking and publication limits, all changeable live. */
public final class StateSettings {
    private static final List<LiveSetting> KEYS = List.of(
            LiveSetting.decimal("noise-mm", 2, 0, 100),
            LiveSetting.decimal("max-rate-hz", 30, 0.1, 240),
            LiveSetting.decimal("keepalive-seconds", 1, 0.05, 3600),
            LiveSetting.decimal("max-ball-speed-mm-s", 8000, 100, 50_000),
            LiveSetting.wholeNumber("max-missed-frames", 5, 0, 1000),
            LiveSetting.decimal("lost-grace-seconds", 3, 0, 3600),
            LiveSetting.decimal("measurement-noise-mm", 1, 0.05, 50),
            LiveSetting.decimal("rest-speed-mm-s", 25, 1, 1000),
            LiveSetting.wholeNumber("rest-frames", 1, 1, 100));

    /** Recent events the game API serves ({@code GET /api/v1/game/events}). */
    static final int EVENTS_KEPT = 1000;

    private StateSettings() {
    }

    /** Builds the state stage for {@code table} from the config, and the live section that changes it. */
    public static Built build(Settings settings, TableSpec table) {
        ConfigSection section = new ConfigSection("state", "cuecast.state.", KEYS, settings);
        ConfigSection.Values start = section.current();
        BallTracker tracker = new BallTracker(table, limits(start));
        EventDetector events = new EventDetector(table, limits(start));
        StatePublicationPolicy policy = new StatePublicationPolicy(start.decimal("noise-mm"),
                start.decimal("max-rate-hz"), start.decimal("keepalive-seconds"));
        section.onChange(values -> {
            tracker.setLimits(limits(values));
            events.setLimits(limits(values));
            policy.setLimits(values.decimal("noise-mm"), values.decimal("max-rate-hz"),
                    values.decimal("keepalive-seconds"));
        });
        return new Built(new StateStage(tracker, events, policy, new GameRecord(EVENTS_KEPT),
                Clock.systemUTC()), section);
    }

    private static TrackingLimits limits(ConfigSection.Values values) {
        return new TrackingLimits(values.decimal("max-ball-speed-mm-s"), values.wholeNumber("max-missed-frames"),
                values.decimal("lost-grace-seconds"), values.decimal("measurement-noise-mm"),
                values.decimal("rest-speed-mm-s"), values.wholeNumber("rest-frames"));
    }

    public record Built(StateStage stage, ConfigSection section) {
    }
}

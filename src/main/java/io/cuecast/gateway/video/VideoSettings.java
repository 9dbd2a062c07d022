package io.cuecast.gateway.video;

import io.cuecast.config.ConfigSection;
import io.cuecast.config.LiveSetting;
import io.cuecast.config.Settings;
import java.util.List;

/** The {@code cuecast.video.*} keys of the MJPEG video and the snapshot, all changeable live. */
public final class VideoSettings {
    private static final List<LiveSetting> KEYS = List.of(
            LiveSetting.wholeNumber("jpeg-quality", 80, 1, 100),
            LiveSetting.decimal("max-fps", 15, 0.1, 120),
            LiveSetting.decimal("idle-fps", 2, 0.1, 120));

    private VideoSettings() {
    }

    /** Builds the video feed from the config, and the live section that changes it. */
    public static Built build(Settings settings) {
        ConfigSection section = new ConfigSection("video", "cuecast.video.", KEYS, settings);
        ConfigSection.Values start = section.current();
        VideoFeed feed = new VideoFeed(start.wholeNumber("jpeg-quality"), start.decimal("max-fps"),
                start.decimal("idle-fps"));
        section.onChange(values -> feed.setLimits(values.wholeNumber("jpeg-quality"), values.decimal("max-fps"),
                values.decimal("idle-fps")));
        return new Built(feed, section);
    }

    public record Built(VideoFeed feed, ConfigSection section) {
    }
}

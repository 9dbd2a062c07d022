package io.cuecast.gateway;

/**
 * The gateway's tunables.
 *
 * @param maxMessageBytes    largest client message accepted, in UTF-8 bytes; bigger ones are
 *                           rejected with MESSAGE_TOO_LARGE before parsing
 * @param rateLimitPerMinute most client messages accepted per connection in any 60-second window
 * @param serverVersion      reported to clients in the welcome message
 * @param history            what streams remember for resume and latest value on subscribe
 * @param liveness           the heartbeat and the slow-consumer cut-off
 * @param frameQualities     the sizes and JPEG qualities the frame stream is offered at
 * @param tables             the tables whose streams the gateway serves
 */
public record GatewaySettings(int maxMessageBytes, int rateLimitPerMinute, String serverVersion,
                              HistorySettings history, LivenessSettings liveness, QualityLevels frameQualities,
                              Tables tables) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    /** The original system's limit. */
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 100;

    public GatewaySettings {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1, was " + maxMessageBytes);
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("rateLimitPerMinute must be at least 1, was " + rateLimitPerMinute);
        }
        if (serverVersion == null || serverVersion.isBlank()) {
            throw new IllegalArgumentException("serverVersion must not be blank, was '" + serverVersion + "'");
        }
        if (history == null) {
            throw new IllegalArgumentException("history must not be null");
        }
        if (liveness == null) {
            throw new IllegalArgumentException("liveness must not be null");
        }
        if (frameQualities == null) {
            throw new IllegalArgumentException("frameQualities must not be null");
        }
        if (tables == null) {
            throw new IllegalArgumentException("tables must not be null");
        }
    }

    /** These settings for one table. */
    public GatewaySettings(int maxMessageBytes, int rateLimitPerMinute, String serverVersion, HistorySettings history,
                           LivenessSettings liveness, QualityLevels frameQualities) {
        this(maxMessageBytes, rateLimitPerMinute, serverVersion, history, liveness, frameQualities, Tables.single());
    }

    /** These settings with the default frame quality levels, for one table. */
    public GatewaySettings(int maxMessageBytes, int rateLimitPerMinute, String serverVersion, HistorySettings history,
                           LivenessSettings liveness) {
        this(maxMessageBytes, rateLimitPerMinute, serverVersion, history, liveness, QualityLevels.defaults());
    }

    /** These limits and history with the default liveness. */
    public GatewaySettings(int maxMessageBytes, int rateLimitPerMinute, String serverVersion, HistorySettings history) {
        this(maxMessageBytes, rateLimitPerMinute, serverVersion, history, LivenessSettings.defaults());
    }

    /** These limits with the default history and liveness. */
    public GatewaySettings(int maxMessageBytes, int rateLimitPerMinute, String serverVersion) {
        this(maxMessageBytes, rateLimitPerMinute, serverVersion, HistorySettings.defaults());
    }

    /** The default size and rate limits, history and liveness. */
    public static GatewaySettings defaults(String serverVersion) {
        return new GatewaySettings(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_RATE_LIMIT_PER_MINUTE, serverVersion);
    }

    /** The same settings for these tables. */
    public GatewaySettings withTables(Tables newTables) {
        return new GatewaySettings(maxMessageBytes, rateLimitPerMinute, serverVersion, history, liveness,
                frameQualities, newTables);
    }
}

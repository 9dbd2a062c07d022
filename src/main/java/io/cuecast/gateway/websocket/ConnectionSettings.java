package io.cuecast.gateway.websocket;

import io.cuecast.config.ConfigSection;
import io.cuecast.config.LiveSetting;
import io.cuecast.config.Settings;
import io.cuecast.gateway.ConnectionGate;
import io.cuecast.gateway.Gateway;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The {@code gateway} live config section: the keys of {@code cuecast.gateway.*} that govern new
 * WebSocket connections, which change while Cuecast runs. Connections already open keep theirs.
 */
public final class ConnectionSettings {
    private static final List<LiveSetting> KEYS = List.of(
            LiveSetting.wholeNumber("connections-per-minute-per-ip", 10, 1, 1_000_000),
            LiveSetting.wholeNumber("max-queued-bytes", 1024 * 1024, 4096, 256 * 1024 * 1024),
            LiveSetting.wholeNumber("socket-send-buffer-bytes", 32 * 1024, 0, 64 * 1024 * 1024));

    private ConnectionSettings() {
    }

    /** The WebSocket event handler with its connection gate, and the live section that changes both. */
    public static Built build(Settings settings, Gateway gateway, Clock clock) {
        ConfigSection section = new ConfigSection("gateway", "cuecast.gateway.", KEYS, settings);
        ConfigSection.Values start = section.current();
        ConnectionGate gate = new ConnectionGate(start.wholeNumber("connections-per-minute-per-ip"),
                Set.copyOf(List.of(settings.string("cuecast.gateway.allowed-origins", "*").split("\\s*,\\s*"))), clock);
        WebSocketEvents events = new WebSocketEvents(gateway, gate, start.wholeNumber("max-queued-bytes"),
                start.wholeNumber("socket-send-buffer-bytes"), clock);
        section.onChange(values -> {
            gate.setConnectionsPerMinute(values.wholeNumber("connections-per-minute-per-ip"));
            events.setLimits(values.wholeNumber("max-queued-bytes"), values.wholeNumber("socket-send-buffer-bytes"));
        });
        return new Built(events, section);
    }

    public record Built(WebSocketEvents events, ConfigSection section) {
    }
}

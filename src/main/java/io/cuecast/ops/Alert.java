package io.cuecast.ops;

import java.util.Map;

/**
 * The data of an {@code alert} stream message, in the original system's shape.
 *
 * @param level   info, warning, error or critical
 * @param code    a stable identifier clients match on, e.g. CAMERA_DOWN
 * @param details anything that helps an operator; never null
 */
public record Alert(String level, String message, String code, Map<String, Object> details) {

    public Alert {
        details = Map.copyOf(details);
    }
}

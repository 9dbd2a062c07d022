package io.cuecast.cluster;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a node does (cuecast.node.roles): a vision node runs the camera and the pipeline and numbers
 * its tables' messages; a gateway node serves WebSocket clients. One process may be both, as a
 * single machine is.
 */
public record NodeRoles(boolean vision, boolean gateway) {

    public static final String KEY = "cuecast.node.roles";
    public static final NodeRoles BOTH = new NodeRoles(true, true);

    public NodeRoles {
        if (!vision && !gateway) {
            throw new IllegalArgumentException("a node needs at least one role: vision, gateway");
        }
    }

    /**
     * @param commaSeparated e.g. {@code "vision"}, {@code "vision, gateway"}
     * @throws IllegalArgumentException for an unknown role, a repeated one, or none
     */
    public static NodeRoles parse(String commaSeparated) {
        Set<String> roles = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            String role = part.trim();
            if (role.isEmpty()) {
                continue;
            }
            if (!role.equals("vision") && !role.equals("gateway")) {
                throw new IllegalArgumentException("unknown role '" + role + "'; the roles are vision, gateway");
            }
            if (!roles.add(role)) {
                throw new IllegalArgumentException("role '" + role + "' is listed twice");
            }
        }
        return new NodeRoles(roles.contains("vision"), roles.contains("gateway"));
    }
}

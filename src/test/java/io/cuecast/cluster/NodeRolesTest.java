package io.cuecast.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NodeRolesTest {

    @Test
    void parsesOneRoleOrBoth() {
        assertEquals(new NodeRoles(true, false), NodeRoles.parse("vision"));
        assertEquals(new NodeRoles(false, true), NodeRoles.parse(" gateway"));
        assertEquals(NodeRoles.BOTH, NodeRoles.parse("gateway, vision"));
    }

    @Test
    void refusesNoRoleAnUnknownOneOrARepeat() {
        assertEquals("a node needs at least one role: vision, gateway",
                assertThrows(IllegalArgumentException.class, () -> NodeRoles.parse("")).getMessage());
        assertEquals("unknown role 'Vision'; the roles are vision, gateway",
                assertThrows(IllegalArgumentException.class, () -> NodeRoles.parse("Vision")).getMessage());
        assertEquals("role 'vision' is listed twice",
                assertThrows(IllegalArgumentException.class, () -> NodeRoles.parse("vision,vision")).getMessage());
    }
}

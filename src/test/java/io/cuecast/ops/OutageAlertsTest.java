package io.cuecast.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OutageAlertsTest {
    private final OutageAlerts outage = new OutageAlerts("camera", "CAMERA_DOWN");

    @Test
    void alertsOnceWhenAnOutageStartsAndOnceWhenItEnds() {
        assertFalse(outage.succeededAfterOutage(), "no outage yet");

        Alert down = outage.failed(new IOException("cannot open video file"));
        assertEquals("CAMERA_DOWN", down.code());
        assertEquals("error", down.level());
        assertEquals("camera is failing: cannot open video file", down.message());
        assertEquals("java.io.IOException", down.details().get("cause"));
        assertNull(outage.failed(new IOException("again")), "the same outage alerts once");
        assertTrue(outage.isDown());

        assertTrue(outage.succeededAfterOutage());
        assertFalse(outage.succeededAfterOutage(), "the end is reported once");
        assertEquals("CAMERA_DOWN_RESTORED", outage.restoredAlert().code());
        assertEquals("info", outage.restoredAlert().level());
        assertFalse(outage.isDown());
    }

    @Test
    void aNewOutageAlertsAgain() {
        outage.failed(new IllegalStateException("first"));
        outage.succeededAfterOutage();

        assertEquals("camera is failing: second", outage.failed(new IllegalStateException("second")).message());
    }

    @Test
    void restoredGivesTheEndOfAnOutageOnce() {
        assertNull(outage.restored(), "no outage yet");
        outage.failed(new IllegalStateException("down"));

        assertEquals("CAMERA_DOWN_RESTORED", outage.restored().code());
        assertNull(outage.restored());
    }
}

package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class ReopeningFrameSourceTest {
    private final AtomicLong nowMs = new AtomicLong(1_000);
    private final AtomicInteger opens = new AtomicInteger();

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    /** A camera that works for {@code framesBeforeFailing} grabs after each open, then fails. */
    private FrameSource camera(int framesBeforeFailing) {
        return new FrameSource() {
            private int grabs;

            @Override
            public Optional<Frame> grab() {
                if (grabs++ >= framesBeforeFailing) {
                    throw new CameraException("unplugged");
                }
                return Optional.of(new Frame(grabs, nowMs.get() * 1000, new Mat()));
            }

            @Override
            public String description() {
                return "test camera";
            }

            @Override
            public double fps() {
                return 30;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aSourceThatCannotOpenIsRetriedWithDoublingBackoff() {
        ReopeningFrameSource source = new ReopeningFrameSource(() -> {
            opens.incrementAndGet();
            throw new CameraException("no such device");
        }, "device:9", 30, 500, 2000, nowMs::get);
        assertEquals("no such device", assertThrows(CameraException.class, source::grab).getMessage());
        CameraException waiting = assertThrows(CameraException.class, source::grab);
        assertTrue(waiting.getMessage().startsWith("no such device; next attempt to reopen in 500 ms"), waiting.getMessage());
        assertEquals(1, opens.get(), "no reopen before the back-off has passed");
        nowMs.addAndGet(500);
        assertThrows(CameraException.class, source::grab);
        assertEquals(2, opens.get());
        nowMs.addAndGet(999);
        assertThrows(CameraException.class, source::grab);
        assertEquals(2, opens.get(), "the second back-off is twice the first");
        nowMs.addAndGet(1);
        assertThrows(CameraException.class, source::grab);
        assertEquals(3, opens.get());
    }

    @Test
    void aSourceThatFailsWhileReadingIsReopenedAndDeliversAgain() {
        ReopeningFrameSource source = new ReopeningFrameSource(() -> {
            opens.incrementAndGet();
            return camera(2);
        }, "device:0", 30, 500, 2000, nowMs::get);
        source.grab().orElseThrow().close();
        source.grab().orElseThrow().close();
        assertThrows(CameraException.class, source::grab);
        nowMs.addAndGet(500);
        assertTrue(source.grab().isPresent(), "reopened after the back-off");
        assertEquals(2, opens.get());
    }
}

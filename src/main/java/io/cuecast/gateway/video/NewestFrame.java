package io.cuecast.gateway.video;

import io.cuecast.camera.Frame;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.opencv.core.Mat;

/**
 * Hands the pipeline's newest frame to one encoder thread. The detection thread only copies the
 * pixels; a frame the encoder had no time for is replaced by the next, never queued.
 */
final class NewestFrame implements AutoCloseable {
    private final Object lock = new Object();
    private final Mat pending = new Mat();
    private long pendingCapturedAtUs;
    private boolean hasPending;

    /** Keeps a copy of the frame; the caller still owns {@code frame}. */
    void offer(Frame frame) {
        synchronized (lock) {
            frame.image().copyTo(pending);
            pendingCapturedAtUs = frame.capturedAtUs();
            hasPending = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits for a frame not taken yet and for the time {@code dueAtNanos} gives (on
     * {@link System#nanoTime()}'s clock, asked again after every wake-up), then copies it into
     * {@code into}.
     *
     * @return the frame's capture time, epoch microseconds
     */
    long take(Mat into, LongSupplier dueAtNanos) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (!hasPending) {
                    lock.wait();
                    continue;
                }
                long wait = dueAtNanos.getAsLong() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, wait);
                    continue;
                }
                pending.copyTo(into);
                hasPending = false;
                return pendingCapturedAtUs;
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            pending.release();
        }
    }
}

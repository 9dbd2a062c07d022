package io.cuecast.gateway.video;

import io.cuecast.camera.Frame;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread of its own that works on the pipeline's newest frame, at most once per interval. The
 * detection thread only copies the pixels in; a frame the thread had no time for is replaced by
 * the next, never queued.
 */
final class NewestFrameThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NewestFrameThread.class);

    /** What the thread does with each frame it takes; the image is only valid during the call. */
    interface Work {
        void run(Mat image, long capturedAtUs);
    }

    private final Object lock = new Object();
    private final Mat pending = new Mat();
    private final Mat working = new Mat();
    private final LongSupplier intervalNanos;
    private final Work work;
    private final Thread thread;
    private long pendingCapturedAtUs;
    private boolean hasPending;
    private volatile boolean running = true;

    /**
     * Starts the thread.
     *
     * @param intervalNanos the least time between two frames, asked again before each
     */
    NewestFrameThread(String name, LongSupplier intervalNanos, Work work) {
        this.intervalNanos = intervalNanos;
        this.work = work;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Keeps a copy of the frame; the caller still owns {@code frame}. */
    void offer(Frame frame) {
        synchronized (lock) {
            frame.image().copyTo(pending);
            pendingCapturedAtUs = frame.capturedAtUs();
            hasPending = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        // So the first frame goes at once, whatever the origin of nanoTime.
        long lastNanos = System.nanoTime() - intervalNanos.getAsLong();
        while (running) {
            try {
                long capturedAtUs = take(lastNanos);
                lastNanos = System.nanoTime();
                work.run(working, capturedAtUs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{} failed on a frame: {}", thread.getName(), e.getMessage());
            }
        }
    }

    /** Waits for a frame not taken yet, one interval after the last, and copies it to {@code working}. */
    private long take(long lastNanos) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (!hasPending) {
                    lock.wait();
                    continue;
                }
                long wait = lastNanos + intervalNanos.getAsLong() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, wait);
                    continue;
                }
                pending.copyTo(working);
                hasPending = false;
                return pendingCapturedAtUs;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            pending.release();
            working.release();
        }
    }
}

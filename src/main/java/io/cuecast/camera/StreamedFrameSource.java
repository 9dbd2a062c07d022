package io.cuecast.camera;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.opencv.core.Mat;

/**
 * A live source read on a thread of its own, which takes each image as the camera sends it and keeps
 * only the newest for {@link #grab()}: a camera faster than the poll builds up no latency, and a
 * stalled one never blocks the camera route. A read error, or no image for {@code readTimeoutMs}
 * ({@code startTimeoutMs} for the first), fails the next grab; the {@link ReopeningFrameSource}
 * around it then closes this and reopens.
 */
final class StreamedFrameSource extends NamedFrameSource {
    private static final long CLOSE_WAIT_MS = 2_000;
    private final FrameStream stream;
    private final long startTimeoutMs;
    private final long readTimeoutMs;
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final Thread reader;
    private volatile long lastImageAtNs = System.nanoTime();
    private volatile boolean started;
    private volatile String failure;
    private volatile boolean ended;
    private volatile boolean closing;

    StreamedFrameSource(FrameStream stream, String description, double fps, long startTimeoutMs, long readTimeoutMs) {
        super(description, fps);
        this.stream = stream;
        this.startTimeoutMs = startTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
        this.reader = new Thread(this::read, "camera-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        long sequence = 0;
        try {
            Mat image;
            while (!closing && (image = stream.next()) != null) {
                lastImageAtNs = System.nanoTime();
                started = true;
                Frame replaced = newest.getAndSet(new Frame(++sequence, Clocks.epochMicros(), image));
                if (replaced != null) {
                    replaced.close(); // dropped: the poll has not taken it, and a newer one is here
                }
            }
            ended = true;
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                failure = reason(e);
            }
        }
    }

    /** The newest image not yet taken, or empty when none has come since the last grab. */
    @Override
    public Optional<Frame> grab() {
        Frame frame = newest.getAndSet(null);
        if (frame != null) {
            return Optional.of(frame);
        }
        if (failure != null) {
            throw new CameraException(description() + ": " + failure);
        }
        if (ended) {
            return Optional.empty();
        }
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastImageAtNs);
        long timeoutMs = started ? readTimeoutMs : startTimeoutMs;
        if (silentMs > timeoutMs) {
            throw new CameraException(description() + ": no frame for " + silentMs + " ms ("
                    + (started ? "read" : "start") + " timeout " + timeoutMs + " ms)");
        }
        return Optional.empty();
    }

    /** A failure's own message, or its type when it has none (as some connection errors do). */
    static String reason(Throwable e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        closing = true;
        stream.close();
        reader.interrupt();
        try {
            reader.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Frame untaken = newest.getAndSet(null);
        if (untaken != null) {
            untaken.close();
        }
    }
}

package io.cuecast.gateway.video;

import io.cuecast.camera.Frame;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live video: the pipeline hands every frame in, and one encoder thread turns the newest into a
 * JPEG at most {@code maxFps} times a second while someone watches ({@code idleFps} otherwise, to
 * keep the snapshot fresh). Each JPEG is encoded once and the same bytes go to every viewer; a
 * viewer whose connection is still busy skips that frame rather than queueing it.
 */
public final class VideoFeed implements AutoCloseable {
    public static final String BOUNDARY = "cuecastframe";
    private static final Logger LOG = LoggerFactory.getLogger(VideoFeed.class);

    private final MatOfInt encodeParams;
    private final long maxIntervalNanos;
    private final long idleIntervalNanos;
    private final Set<MjpegViewer> viewers = new CopyOnWriteArraySet<>();
    private final Object lock = new Object();
    private final Mat pending = new Mat();
    private final Mat encoding = new Mat();
    private final AtomicLong framesEncoded = new AtomicLong();
    private long pendingCapturedAtUs;
    private boolean hasPending;
    private volatile Snapshot latest;
    private final Thread encoder;
    private volatile boolean running = true;

    /** A JPEG and the capture time of the frame it shows. */
    public record Snapshot(byte[] jpeg, long capturedAtUs) {
    }

    public VideoFeed(int jpegQuality, double maxFps, double idleFps) {
        if (jpegQuality < 1 || jpegQuality > 100 || maxFps <= 0 || idleFps <= 0) {
            throw new IllegalArgumentException("JPEG quality must be 1-100 and frame rates positive");
        }
        this.encodeParams = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality);
        this.maxIntervalNanos = (long) (1e9 / maxFps);
        this.idleIntervalNanos = (long) (1e9 / idleFps);
        this.encoder = new Thread(this::encodeLoop, "cuecast-video-encoder");
        encoder.setDaemon(true);
        encoder.start();
    }

    /** Keeps a copy of the frame for the encoder; the caller still owns {@code frame}. */
    public void offer(Frame frame) {
        synchronized (lock) {
            frame.image().copyTo(pending);
            pendingCapturedAtUs = frame.capturedAtUs();
            hasPending = true;
            lock.notifyAll();
        }
    }

    public Optional<Snapshot> latest() {
        return Optional.ofNullable(latest);
    }

    /** The latest frame as JPEG bytes, or null before the first was encoded. */
    public byte[] latestJpeg() {
        Snapshot now = latest;
        return now == null ? null : now.jpeg();
    }

    public void addViewer(MjpegViewer viewer) {
        viewers.add(viewer);
        Snapshot now = latest;
        if (now != null) {
            viewer.send(part(now));
        }
    }

    public void removeViewer(MjpegViewer viewer) {
        viewers.remove(viewer);
    }

    public int viewerCount() {
        return viewers.size();
    }

    public long framesEncoded() {
        return framesEncoded.get();
    }

    private void encodeLoop() {
        long lastEncoded = 0;
        while (running) {
            try {
                long capturedAtUs;
                synchronized (lock) {
                    long interval = viewers.isEmpty() ? idleIntervalNanos : maxIntervalNanos;
                    long wait = lastEncoded + interval - System.nanoTime();
                    if (!hasPending || wait > 0) {
                        lock.wait(Math.max(1, wait / 1_000_000));
                        continue;
                    }
                    pending.copyTo(encoding);
                    capturedAtUs = pendingCapturedAtUs;
                    hasPending = false;
                }
                lastEncoded = System.nanoTime();
                publish(new Snapshot(encode(encoding), capturedAtUs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("video encoding failed: {}", e.getMessage());
            }
        }
    }

    private byte[] encode(Mat image) {
        MatOfByte jpeg = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".jpg", image, jpeg, encodeParams)) {
                throw new IllegalStateException("OpenCV could not encode the frame as JPEG");
            }
            return jpeg.toArray();
        } finally {
            jpeg.release();
        }
    }

    private void publish(Snapshot snapshot) {
        latest = snapshot;
        framesEncoded.incrementAndGet();
        if (viewers.isEmpty()) {
            return;
        }
        byte[] part = part(snapshot);
        for (MjpegViewer viewer : viewers) {
            if (!viewer.isBacklogged()) {
                viewer.send(part);
            }
        }
    }

    /** One multipart part: boundary, headers, the JPEG. */
    static byte[] part(Snapshot snapshot) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + snapshot.jpeg().length
                + "\r\nX-Captured-At-Us: " + snapshot.capturedAtUs() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] part = new byte[head.length + snapshot.jpeg().length + 2];
        System.arraycopy(head, 0, part, 0, head.length);
        System.arraycopy(snapshot.jpeg(), 0, part, head.length, snapshot.jpeg().length);
        part[part.length - 2] = '\r';
        part[part.length - 1] = '\n';
        return part;
    }

    @Override
    public void close() {
        running = false;
        encoder.interrupt();
        try {
            encoder.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            pending.release();
            encoding.release();
        }
    }
}

package io.cuecast.gateway.video;

import io.cuecast.camera.Frame;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live video: the pipeline hands every frame in, and one encoder thread turns the newest into a
 * JPEG at most {@code maxFps} times a second while someone watches ({@code idleFps} otherwise, to
 * keep the snapshot fresh). Each JPEG is encoded once and the same bytes go to every viewer; a
 * viewer whose connection is still busy skips that frame rather than queueing it.
 */
public final class VideoFeed implements AutoCloseable {
    public static final String BOUNDARY = "cuecastframe";

    // Changed live (the video config section); the encoder thread reads them before each frame.
    private volatile JpegEncoder jpeg;
    private volatile long maxIntervalNanos;
    private volatile long idleIntervalNanos;
    private final Set<MjpegViewer> viewers = new CopyOnWriteArraySet<>();
    private final NewestFrameThread encoder;
    private final AtomicLong framesEncoded = new AtomicLong();
    private volatile Snapshot latest;

    /** A JPEG and the capture time of the frame it shows. */
    public record Snapshot(byte[] jpeg, long capturedAtUs) {
    }

    public VideoFeed(int jpegQuality, double maxFps, double idleFps) {
        setLimits(jpegQuality, maxFps, idleFps);
        this.encoder = new NewestFrameThread("cuecast-video-encoder",
                () -> viewers.isEmpty() ? idleIntervalNanos : maxIntervalNanos,
                (image, capturedAtUs) -> publish(new Snapshot(jpeg.encode(image), capturedAtUs)));
    }

    /** Takes effect from the next frame encoded. */
    public void setLimits(int jpegQuality, double maxFps, double idleFps) {
        if (maxFps <= 0 || idleFps <= 0) {
            throw new IllegalArgumentException("frame rates must be positive");
        }
        this.jpeg = new JpegEncoder(jpegQuality);
        this.maxIntervalNanos = (long) (1e9 / maxFps);
        this.idleIntervalNanos = (long) (1e9 / idleFps);
    }

    /** Keeps a copy of the frame for the encoder; the caller still owns {@code frame}. */
    public void offer(Frame frame) {
        encoder.offer(frame);
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
        encoder.close();
    }
}

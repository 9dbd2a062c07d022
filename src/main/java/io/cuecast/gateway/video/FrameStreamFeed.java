package io.cuecast.gateway.video;

import io.cuecast.camera.Frame;
import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.LiveFrame;
import io.cuecast.gateway.PublishResult;
import io.cuecast.gateway.QualityLevel;
import io.cuecast.gateway.QualityLevels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The camera's frames for the WebSocket frame stream. The detection route hands every frame in,
 * as it does to the MJPEG {@link VideoFeed}; while anyone subscribes to {@code frame}, the newest
 * is copied and one encoder thread of its own (neither an event loop nor the detection thread)
 * gives it to the gateway at most {@code maxFps} times a second, which encodes it once per quality
 * level someone is due to get. With no frame subscriber, nothing is copied or encoded.
 */
public final class FrameStreamFeed implements AutoCloseable {

    private final Gateway gateway;
    private final Map<QualityLevel, JpegEncoder> encoders = new LinkedHashMap<>();
    private final NewestFrameThread encoder;

    public FrameStreamFeed(Gateway gateway, QualityLevels levels, double maxFps) {
        if (!(maxFps > 0)) {
            throw new IllegalArgumentException("the frame stream's frame rate must be positive, but it is " + maxFps);
        }
        this.gateway = gateway;
        levels.levels().forEach(level -> encoders.put(level, new JpegEncoder(level.jpegQuality())));
        long minIntervalNanos = (long) (1e9 / maxFps);
        this.encoder = new NewestFrameThread("cuecast-frame-stream-encoder", () -> minIntervalNanos,
                (image, capturedAtUs) -> gateway.publishFrame(new MatFrame(image, capturedAtUs, LiveFrame.Origin.CAMERA)));
    }

    /** Keeps a copy of the frame while anyone subscribes to frames; the caller still owns {@code frame}. */
    public void offer(Frame frame) {
        if (gateway.hasFrameSubscribers()) {
            encoder.offer(frame);
        }
    }

    /**
     * Sends an operator's image to the frame stream now, on the calling thread, to every frame
     * subscriber whose queue has room; see {@link OperatorFrames}.
     */
    Optional<PublishResult> publishOperatorFrame(Mat image, long postedAtUs) {
        return gateway.publishFrame(new MatFrame(image, postedAtUs, LiveFrame.Origin.OPERATOR));
    }

    /** A BGR image that scales itself down to a level's width before encoding. */
    private final class MatFrame implements LiveFrame {
        private final Mat image;
        private final long capturedAtUs;
        private final Origin origin;

        MatFrame(Mat image, long capturedAtUs, Origin origin) {
            this.image = image;
            this.capturedAtUs = capturedAtUs;
            this.origin = origin;
        }

        @Override
        public long capturedAtUs() {
            return capturedAtUs;
        }

        @Override
        public Origin origin() {
            return origin;
        }

        @Override
        public Jpeg encode(QualityLevel level) {
            JpegEncoder jpeg = encoders.get(level);
            int width = level.widthFor(image.cols());
            if (width == image.cols()) {
                return new Jpeg(jpeg.encode(image), image.cols(), image.rows());
            }
            int height = Math.max(1, (int) Math.round((double) image.rows() * width / image.cols()));
            Mat scaled = new Mat();
            try {
                // INTER_AREA: the resampling that does not alias when shrinking.
                Imgproc.resize(image, scaled, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
                return new Jpeg(jpeg.encode(scaled), width, height);
            } finally {
                scaled.release();
            }
        }
    }

    @Override
    public void close() {
        encoder.close();
    }
}

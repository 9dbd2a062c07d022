package io.cuecast.camera;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera route's bean: one grab per poll. A failed grab is recorded for health, logged (the
 * first of a run of failures, then every hundredth) and thrown, so that the route's circuit
 * breaker counts it and its fallback raises the alert.
 */
public final class CameraPoller {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPoller.class);
    private final FrameSource source;
    private final CameraStatus status;
    private long failuresInARow;

    public CameraPoller(FrameSource source) {
        this.source = source;
        this.status = new CameraStatus(source.description());
    }

    /**
     * The next frame, or null when the source had none yet.
     *
     * @throws CameraException when the grab failed
     */
    public synchronized Frame poll() {
        try {
            Frame frame = source.grab().orElse(null);
            if (frame != null) {
                status.captured(frame);
                failuresInARow = 0;
            }
            return frame;
        } catch (RuntimeException e) {
            status.failed(e.getMessage());
            if (failuresInARow++ % 100 == 0) {
                LOG.warn("camera {}: {} ({} failures in a row)", source.description(), e.getMessage(), failuresInARow);
            }
            throw e instanceof CameraException camera ? camera : new CameraException(e.getMessage(), e);
        }
    }

    public CameraStatus status() {
        return status;
    }

    public FrameSource source() {
        return source;
    }
}

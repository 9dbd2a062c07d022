package io.cuecast.camera;

import java.util.Optional;

/**
 * Where frames come from: a simulator, a V4L2 camera, a video file, a folder of images. A source is
 * polled; it never pushes.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * The next frame, or empty when none is ready (for example a file that has ended and does not
     * loop).
     *
     * @throws CameraException when the source cannot be read
     */
    Optional<Frame> grab();

    /** A short human description for logs, health and alerts, e.g. "simulator (seed 42)". */
    String description();

    /** The rate the source is meant to be polled at. */
    double fps();

    @Override
    void close();
}

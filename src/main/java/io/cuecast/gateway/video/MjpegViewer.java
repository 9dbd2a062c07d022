package io.cuecast.gateway.video;

/** One open MJPEG response. Implementations must not block. */
public interface MjpegViewer {

    /** True while the viewer still has unsent bytes queued: it then skips frames instead of piling them up. */
    boolean isBacklogged();

    /** Sends one part of the multipart stream. */
    void send(byte[] part);
}

package io.cuecast.gateway;

import java.util.Locale;

/**
 * One image for the frame stream, able to encode itself at any quality level. The gateway asks
 * only for the levels some subscriber is due to get, once each, and outside any lock; encoding
 * happens on the calling thread.
 */
public interface LiveFrame {

    /** Epoch microseconds when the image was captured (or posted). */
    long capturedAtUs();

    /** Where it came from: camera frames are rate-limited per client, an operator's frame goes to every client. */
    Origin origin();

    /** The image as a JPEG at this level's size and quality. */
    Jpeg encode(QualityLevel level);

    enum Origin {
        CAMERA, OPERATOR;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An encoded image and its size in pixels. */
    record Jpeg(byte[] bytes, int width, int height) {
    }
}

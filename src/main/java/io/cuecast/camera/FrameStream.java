package io.cuecast.camera;

import java.io.IOException;
import org.opencv.core.Mat;

/** Images as a live source delivers them, read by one thread in turn (see {@link StreamedFrameSource}). */
interface FrameStream extends AutoCloseable {

    /**
     * The next image (BGR), blocking until it arrives.
     *
     * @return the image, or null when the stream has ended as it should (a file that does not loop)
     * @throws IOException when the stream breaks or ends where it should not
     */
    Mat next() throws IOException;

    /** Stops the stream; a {@link #next()} blocked in another thread returns or throws soon after. */
    @Override
    void close();
}

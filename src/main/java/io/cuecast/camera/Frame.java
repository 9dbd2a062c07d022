package io.cuecast.camera;

import org.opencv.core.Mat;

/**
 * One captured image and when it was captured. The frame owns its native pixel buffer: whoever
 * holds it last must {@link #close()} it, so that dropped frames do not wait for the GC to free
 * native memory.
 *
 * @param sequence     counts up by one per frame the source produced (gaps mean dropped frames)
 * @param capturedAtUs epoch microseconds when the source produced the image
 * @param image        BGR, 8 bits per channel
 */
public record Frame(long sequence, long capturedAtUs, Mat image) implements AutoCloseable {

    public int width() {
        return image.cols();
    }

    public int height() {
        return image.rows();
    }

    @Override
    public void close() {
        image.release();
    }
}

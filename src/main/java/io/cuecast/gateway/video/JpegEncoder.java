package io.cuecast.gateway.video;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** OpenCV's JPEG encoder at one quality. Thread-safe: each call has its own output buffer. */
final class JpegEncoder {
    private final MatOfInt params;

    JpegEncoder(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1-100, but it is " + quality);
        }
        this.params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    }

    byte[] encode(Mat image) {
        MatOfByte jpeg = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".jpg", image, jpeg, params)) {
                throw new IllegalStateException("OpenCV could not encode the frame as JPEG");
            }
            return jpeg.toArray();
        } finally {
            jpeg.release();
        }
    }
}

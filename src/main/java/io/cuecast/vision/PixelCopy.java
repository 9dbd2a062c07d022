package io.cuecast.vision;

import org.opencv.core.Mat;

/**
 * A Mat's pixels in a Java array kept from frame to frame: a fresh array the size of a 1280x720
 * region costs more to allocate and zero than to fill, and frame after frame the size is the same.
 */
final class PixelCopy {
    private byte[] bytes = new byte[0];

    /** The pixels of {@code mat}, packed row after row; the array is overwritten by the next call. */
    byte[] of(Mat mat) {
        int length = (int) (mat.total() * mat.channels());
        if (bytes.length != length) {
            bytes = new byte[length];
        }
        Mat continuous = mat.isContinuous() ? mat : mat.clone();
        continuous.get(0, 0, bytes);
        if (continuous != mat) {
            continuous.release();
        }
        return bytes;
    }
}

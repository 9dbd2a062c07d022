package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cuecast.camera.OpenCvNatives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

class PixelCopyTest {
    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    private static Mat numbered(int rows, int cols, int channels) {
        Mat mat = new Mat(rows, cols, CvType.CV_8UC(channels));
        byte[] values = new byte[rows * cols * channels];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (i * 7);
        }
        mat.put(0, 0, values);
        return mat;
    }

    /** What {@link #numbered} holds in rows {@code top}.. and columns {@code left}.. of an image {@code cols} wide. */
    private static byte[] expected(int cols, int channels, int left, int top, int width, int height) {
        byte[] values = new byte[width * height * channels];
        int n = 0;
        for (int y = top; y < top + height; y++) {
            for (int i = (y * cols + left) * channels; i < (y * cols + left + width) * channels; i++) {
                values[n++] = (byte) (i * 7);
            }
        }
        return values;
    }

    @Test
    void copiesAViewOfPartOfAnImageRowAfterRow() {
        Mat view = numbered(6, 8, 3).submat(new Rect(2, 1, 3, 4));
        assertArrayEquals(expected(8, 3, 2, 1, 3, 4), new PixelCopy().of(view));
    }

    @Test
    void aCopyOfAnotherSizeIsWholeAndExact() {
        PixelCopy copy = new PixelCopy();
        copy.of(numbered(6, 8, 1));
        assertArrayEquals(expected(11, 3, 0, 0, 11, 9), copy.of(numbered(9, 11, 3)));
        assertArrayEquals(expected(3, 1, 0, 0, 3, 2), copy.of(numbered(2, 3, 1)));
    }
}

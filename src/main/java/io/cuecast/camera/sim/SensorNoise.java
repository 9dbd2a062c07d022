package io.cuecast.camera.sim;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Per-pixel Gaussian sensor noise. Drawing fresh noise for every pixel of every frame would cost more
 * than the rest of the rendering, so a few full-frame tiles are made up front and cycled. Each tile
 * is kept as its positive and negative parts, so that two saturating OpenCV operations add it.
 */
final class SensorNoise implements AutoCloseable {
    private static final int TILES = 3;

    private final List<Mat[]> tiles = new ArrayList<>();

    SensorNoise(int width, int height, double sigma, Random random) {
        if (sigma == 0) {
            return;
        }
        int size = width * height * 3;
        for (int t = 0; t < TILES; t++) {
            byte[] up = new byte[size];
            byte[] down = new byte[size];
            for (int i = 0; i < size; i++) {
                long level = Math.round(random.nextGaussian() * sigma);
                if (level > 0) {
                    up[i] = (byte) Math.min(level, 255);
                } else {
                    down[i] = (byte) Math.min(-level, 255);
                }
            }
            tiles.add(new Mat[] {toMat(up, width, height), toMat(down, width, height)});
        }
    }

    /** Adds the noise tile for frame {@code frameIndex} to {@code image}, in place. */
    void addTo(Mat image, long frameIndex) {
        if (tiles.isEmpty()) {
            return;
        }
        Mat[] tile = tiles.get((int) Math.floorMod(frameIndex, (long) tiles.size()));
        Core.add(image, tile[0], image);
        Core.subtract(image, tile[1], image);
    }

    @Override
    public void close() {
        for (Mat[] tile : tiles) {
            tile[0].release();
            tile[1].release();
        }
        tiles.clear();
    }

    private static Mat toMat(byte[] bytes, int width, int height) {
        Mat mat = new Mat(height, width, CvType.CV_8UC3);
        mat.put(0, 0, bytes);
        return mat;
    }
}

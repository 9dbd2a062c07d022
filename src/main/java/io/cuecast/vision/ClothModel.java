package io.cuecast.vision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The cloth's colour, learnt from the image, and the test of whether a pixel is cloth.
 *
 * <p>The cloth is the largest area of one saturated hue in an overhead view. A pixel is cloth when
 * its chroma (Lab a*, b*) is near the cloth's and its lightness is within a band around the cloth's:
 * the band is wide enough to keep light fall-off and ball shadows on the cloth, narrow enough to
 * leave out white and black balls, whose chroma is close to any dull cloth's.
 */
public final class ClothModel {
    /** Chroma distance (Lab units, 8-bit scale) beyond which a pixel is not cloth. */
    private static final int MAX_CHROMA_DISTANCE = 18;
    private static final double MIN_LIGHTNESS_RATIO = 0.5;
    private static final double MAX_LIGHTNESS_RATIO = 1.6;
    /** A white ball is at most this much lighter than bright cloth, so the band stops short of it. */
    private static final int MAX_LIGHTNESS_ABOVE = 60;
    private static final int HUE_BINS = 45;

    private final int lightness;
    private final int a;
    private final int b;
    private final int minLightness;
    private final int maxLightness;
    /**
     * {@link #isCloth} as a table over the box of Lab colours that can be cloth, 255 where one is:
     * OpenCV looks a whole image up in it in one pass ({@link #markNonCloth}).
     */
    private final Mat clothColours;

    ClothModel(int lightness, int a, int b) {
        this.lightness = lightness;
        this.a = a;
        this.b = b;
        this.minLightness = (int) (lightness * MIN_LIGHTNESS_RATIO);
        this.maxLightness = (int) Math.min(255, Math.min(lightness * MAX_LIGHTNESS_RATIO, lightness + MAX_LIGHTNESS_ABOVE));
        this.clothColours = clothColours();
    }

    /**
     * One bin for the whole lightness band (inside it only chroma decides; a pixel outside the box looks
     * up nothing, so is not cloth) and one per chroma unit across the chroma disc's square.
     */
    private Mat clothColours() {
        int side = 2 * MAX_CHROMA_DISTANCE + 1;
        float[] table = new float[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                boolean cloth = isCloth(lightness, a - MAX_CHROMA_DISTANCE + i, b - MAX_CHROMA_DISTANCE + j);
                table[i * side + j] = cloth ? 255 : 0;
            }
        }
        Mat colours = new Mat(new int[] {1, side, side}, CvType.CV_32F);
        colours.put(new int[] {0, 0, 0}, table);
        return colours;
    }

    /** Learns the cloth colour from a BGR frame, or empty when no saturated hue dominates it. */
    public static Optional<ClothModel> learn(Mat bgr) {
        Mat small = new Mat();
        Mat hsv = new Mat();
        Mat lab = new Mat();
        try {
            double scale = Math.min(1.0, 320.0 / bgr.cols());
            Imgproc.resize(bgr, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
            Imgproc.cvtColor(small, lab, Imgproc.COLOR_BGR2Lab);
            return fromModalHue(bytes(hsv), bytes(lab));
        } finally {
            small.release();
            hsv.release();
            lab.release();
        }
    }

    private static Optional<ClothModel> fromModalHue(byte[] hsv, byte[] lab) {
        int pixels = hsv.length / 3;
        int[] histogram = new int[HUE_BINS];
        for (int i = 0; i < pixels; i++) {
            if (isSaturated(hsv, i)) {
                histogram[hueBin(hsv, i)]++;
            }
        }
        int mode = 0;
        for (int bin = 1; bin < HUE_BINS; bin++) {
            mode = histogram[bin] > histogram[mode] ? bin : mode;
        }
        if (histogram[mode] < pixels / 10) {
            return Optional.empty();
        }
        int[][] channels = new int[3][histogram[mode]];
        int n = 0;
        for (int i = 0; i < pixels; i++) {
            if (isSaturated(hsv, i) && hueBin(hsv, i) == mode) {
                for (int c = 0; c < 3; c++) {
                    channels[c][n] = lab[3 * i + c] & 0xff;
                }
                n++;
            }
        }
        return Optional.of(new ClothModel(median(channels[0]), median(channels[1]), median(channels[2])));
    }

    private static boolean isSaturated(byte[] hsv, int pixel) {
        return (hsv[3 * pixel + 1] & 0xff) > 60 && (hsv[3 * pixel + 2] & 0xff) > 50;
    }

    private static int hueBin(byte[] hsv, int pixel) {
        return (hsv[3 * pixel] & 0xff) * HUE_BINS / 180;
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * How far this Lab pixel (8-bit OpenCV scale) is from the cloth's colour, lightness counting half:
     * shadows and the light's fall-off move cloth's lightness without making it anything else.
     */
    public double distanceFrom(int l, int pa, int pb) {
        double dl = l - lightness;
        double da = pa - a;
        double db = pb - b;
        return Math.sqrt(0.5 * dl * dl + da * da + db * db);
    }

    /** Is this Lab pixel (8-bit OpenCV scale) cloth? */
    public boolean isCloth(int l, int pa, int pb) {
        int da = pa - a;
        int db = pb - b;
        return da * da + db * db <= MAX_CHROMA_DISTANCE * MAX_CHROMA_DISTANCE
                && l >= minLightness && l <= maxLightness;
    }

    /**
     * Is a pixel of this lightness (Lab L, 8-bit) darker than any cloth, even in the shade: the
     * crevice where two balls touch, a pocket, a black ball?
     */
    public boolean isShade(int l) {
        return l < minLightness;
    }

    /**
     * Clears in {@code mask} the pixels that are {@linkplain #isShade shade} in {@code lightness} (Lab L,
     * CV_8UC1, the mask's size); {@code scratch} is overwritten.
     */
    public void clearShade(Mat lightness, Mat mask, Mat scratch) {
        Imgproc.threshold(lightness, scratch, minLightness - 1, 255, Imgproc.THRESH_BINARY);
        Core.bitwise_and(mask, scratch, mask);
    }

    /**
     * Writes 255 into {@code mask} (CV_8UC1, same size) where the Lab image is not cloth, 0 where it is.
     */
    public void markNonCloth(Mat lab, Mat mask) {
        MatOfInt channels = new MatOfInt(0, 1, 2);
        // Upper bounds are exclusive; bins one unit wide keep their edges on whole values.
        MatOfFloat box = new MatOfFloat(minLightness, maxLightness + 1,
                a - MAX_CHROMA_DISTANCE, a + MAX_CHROMA_DISTANCE + 1, b - MAX_CHROMA_DISTANCE, b + MAX_CHROMA_DISTANCE + 1);
        Imgproc.calcBackProject(List.of(lab), channels, clothColours, mask, box, 1);
        Core.bitwise_not(mask, mask);
        channels.release();
        box.release();
    }

    /** The pixels of {@code mat} in an array of their own. */
    static byte[] bytes(Mat mat) {
        return new PixelCopy().of(mat);
    }

    @Override
    public String toString() {
        return "cloth Lab(" + lightness + "," + a + "," + b + ")";
    }

    /** Not cloth as a single-channel mask of a whole BGR image; used where speed does not matter. */
    public Mat nonClothMask(Mat bgr) {
        Mat lab = new Mat();
        Mat mask = new Mat();
        Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
        markNonCloth(lab, mask);
        lab.release();
        return mask;
    }
}

package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cuecast.camera.OpenCvNatives;
import io.cuecast.vision.eval.Footage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * {@link ClothModel#markNonCloth} looks colours up in a table built from {@link ClothModel#isCloth}:
 * the two must agree on every colour, for the cloths of the real footage (../shared/data; without it
 * the test skips). A lookup box one unit short or long on any side would mark a band of colours wrong.
 */
class ClothModelTest {
    private static final Path DATA = Path.of("../shared/data");

    @BeforeAll
    static void loadOpenCv() {
        OpenCvNatives.load();
    }

    @Test
    void marksExactlyTheColoursThatAreNotClothForEveryRealCloth() throws IOException {
        List<ClothModel> cloths = realCloths();
        assumeTrue(!cloths.isEmpty(), "real footage not found under " + DATA + ": skipped");
        Mat everyColour = everyLabColour();
        Mat mask = new Mat();
        try {
            for (ClothModel cloth : cloths) {
                cloth.markNonCloth(everyColour, mask);
                byte[] marked = ClothModel.bytes(mask);
                int wrong = 0;
                int clothColours = 0;
                for (int colour = 0; colour < marked.length; colour++) {
                    boolean isCloth = cloth.isCloth(colour >> 16, colour >> 8 & 0xff, colour & 0xff);
                    clothColours += isCloth ? 1 : 0;
                    wrong += marked[colour] != (isCloth ? 0 : (byte) 255) ? 1 : 0;
                }
                assertEquals(0, wrong, "colours marked wrong for " + cloth);
                assertTrue(clothColours > 10_000, "a real cloth spans many colours: " + cloth);
            }
        } finally {
            everyColour.release();
            mask.release();
        }
    }

    /** The cloth learnt from one Bern frame and from the first frame of each Padova clip. */
    private static List<ClothModel> realCloths() throws IOException {
        List<Path> frames = new ArrayList<>();
        Path bern = DATA.resolve("bern/without_halo/1.png");
        if (Files.exists(bern)) {
            frames.add(bern);
        }
        Path padova = DATA.resolve("padova");
        if (Files.isDirectory(padova)) {
            try (Stream<Path> clips = Files.list(padova)) {
                clips.map(clip -> clip.resolve("frame_first.png")).filter(Files::exists).sorted().forEach(frames::add);
            }
        }
        List<ClothModel> cloths = new ArrayList<>();
        for (Path frame : frames) {
            Mat image = Footage.read(frame);
            cloths.add(ClothModel.learn(image).orElseThrow());
            image.release();
        }
        return cloths;
    }

    /** All 2^24 8-bit Lab colours as a 4096x4096 image, colour (l, a, b) at index l << 16 | a << 8 | b. */
    private static Mat everyLabColour() {
        byte[] pixels = new byte[3 << 24];
        for (int colour = 0; colour < 1 << 24; colour++) {
            pixels[3 * colour] = (byte) (colour >> 16);
            pixels[3 * colour + 1] = (byte) (colour >> 8);
            pixels[3 * colour + 2] = (byte) colour;
        }
        Mat image = new Mat(4096, 4096, CvType.CV_8UC3);
        image.put(0, 0, pixels);
        return image;
    }
}

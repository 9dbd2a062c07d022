package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

class ImageFolderSourceTest {
    @TempDir
    Path folder;

    @BeforeAll
    static void natives() {
        OpenCvNatives.load();
    }

    private void image(String name, int width) {
        Mat mat = new Mat(40, width, CvType.CV_8UC3, new Scalar(10, 200, 30));
        Imgcodecs.imwrite(folder.resolve(name).toString(), mat);
        mat.release();
    }

    @Test
    void playsImagesInNameOrderAndLoops() {
        image("b.png", 20);
        image("a.png", 10);
        ImageFolderSource source = ImageFolderSource.open(folder.toString(), true, 5);
        int[] widths = new int[3];
        for (int i = 0; i < 3; i++) {
            try (Frame frame = source.grab().orElseThrow()) {
                widths[i] = frame.width();
                assertEquals(i + 1, frame.sequence());
            }
        }
        assertEquals(10, widths[0]);
        assertEquals(20, widths[1]);
        assertEquals(10, widths[2], "looped back to the first image");
    }

    @Test
    void aCorruptImageIsReportedAndSkippedWhileTheCameraPollerCarriesOn() throws Exception {
        image("a.png", 10);
        Files.write(folder.resolve("b.png"), new byte[] {1, 2, 3, 4, 5});
        image("c.png", 30);
        CameraPoller poller = new CameraPoller(ImageFolderSource.open(folder + "/*.png", false, 5));
        poller.poll().close();
        CameraException corrupt = assertThrows(CameraException.class, poller::poll, "the corrupt frame is a failure");
        assertTrue(corrupt.getMessage().contains("cannot decode image"), corrupt.getMessage());
        assertTrue(poller.status().lastError().contains("cannot decode image"), poller.status().lastError());
        try (Frame next = poller.poll()) {
            assertEquals(30, next.width(), "the image after the corrupt one still arrives");
        }
        assertNull(poller.status().lastError());
        assertEquals(2, poller.status().framesCaptured());
        assertEquals(1, poller.status().failures());
    }

    @Test
    void aMissingFolderSaysSo() {
        CameraException missing = assertThrows(CameraException.class,
                () -> ImageFolderSource.open(folder.resolve("nope").toString(), true, 5));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}

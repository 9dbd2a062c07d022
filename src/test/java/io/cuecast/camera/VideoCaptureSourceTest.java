package io.cuecast.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

/** An MJPEG AVI read for analysis: its frames carry the footage's own timing, however fast they are read. */
class VideoCaptureSourceTest {
    @TempDir
    Path dir;

    @Test
    void framesReadForAnalysisAreStampedAtTheFootagesFrameInterval() {
        OpenCvNatives.load();
        Path video = dir.resolve("clip.avi");
        VideoWriter writer = new VideoWriter(video.toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'), 25, new Size(64, 48));
        for (int i = 0; i < 5; i++) {
            Mat image = new Mat(48, 64, CvType.CV_8UC3, new Scalar(i * 40, 80, 120));
            writer.write(image);
            image.release();
        }
        writer.release();

        List<Long> stamps = new ArrayList<>();
        try (VideoCaptureSource source = VideoCaptureSource.openFileOnItsTimeline(video.toString())) {
            for (Optional<Frame> grabbed = source.grab(); grabbed.isPresent(); grabbed = source.grab()) {
                try (Frame frame = grabbed.get()) {
                    stamps.add(frame.capturedAtUs());
                }
            }
        }

        assertEquals(5, stamps.size());
        for (int i = 1; i < stamps.size(); i++) {
            assertEquals(40_000, stamps.get(i) - stamps.get(i - 1), "25 fps is 40 ms a frame: " + stamps);
        }
    }
}

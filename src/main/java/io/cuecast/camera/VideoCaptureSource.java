package io.cuecast.camera;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A V4L2 camera or an MJPEG AVI file, read through OpenCV's VideoCapture (this OpenCV build has no
 * FFmpeg, so other containers and codecs cannot be opened here).
 */
public final class VideoCaptureSource extends NamedFrameSource {
    private final VideoCapture capture;
    private final boolean isFile;
    private final boolean loop;
    private final AtomicLong sequence = new AtomicLong();

    private VideoCaptureSource(VideoCapture capture, String description, boolean isFile, boolean loop, double fps) {
        super(description, fps);
        this.capture = capture;
        this.isFile = isFile;
        this.loop = loop;
    }

    /** Opens a V4L2 device by index (0 for /dev/video0) or path, asking for the given size and rate. */
    public static VideoCaptureSource openDevice(String device, int width, int height, double fps) {
        OpenCvNatives.load();
        VideoCapture capture = device.matches("\\d+")
                ? new VideoCapture(Integer.parseInt(device), Videoio.CAP_V4L2)
                : new VideoCapture(device, Videoio.CAP_V4L2);
        if (!capture.isOpened()) {
            throw new CameraException("cannot open V4L2 camera '" + device + "': no such device, or it is busy");
        }
        capture.set(Videoio.CAP_PROP_FRAME_WIDTH, width);
        capture.set(Videoio.CAP_PROP_FRAME_HEIGHT, height);
        capture.set(Videoio.CAP_PROP_FPS, fps);
        return new VideoCaptureSource(capture, "V4L2 camera " + device, false, false, fps);
    }

    /** Opens an MJPEG AVI file; it plays at its own frame rate unless {@code fps} is positive. */
    public static VideoCaptureSource openFile(String path, boolean loop, double fps) {
        OpenCvNatives.load();
        VideoCapture capture = new VideoCapture(path, Videoio.CAP_OPENCV_MJPEG);
        if (!capture.isOpened()) {
            throw new CameraException("cannot open video file '" + path
                    + "': it is missing, unreadable, or not an MJPEG AVI (read other formats with ffmpeg:PATH)");
        }
        double fileFps = capture.get(Videoio.CAP_PROP_FPS);
        double rate = fps > 0 ? fps : (fileFps > 0 ? fileFps : 30);
        return new VideoCaptureSource(capture, "video file " + path + (loop ? " (looping)" : ""), true, loop, rate);
    }

    @Override
    public Optional<Frame> grab() {
        Mat image = new Mat();
        if (!readInto(image) && !(isFile && loop && rewind() && readInto(image))) {
            image.release();
            if (isFile) {
                return Optional.empty();
            }
            throw new CameraException(description() + " returned no frame");
        }
        long capturedAtUs = Clocks.epochMicros();
        return Optional.of(new Frame(sequence.incrementAndGet(), capturedAtUs, image));
    }

    private boolean readInto(Mat image) {
        return capture.read(image) && !image.empty();
    }

    private boolean rewind() {
        return capture.set(Videoio.CAP_PROP_POS_FRAMES, 0);
    }

    @Override
    public void close() {
        capture.release();
    }
}

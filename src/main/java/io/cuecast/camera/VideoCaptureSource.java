package io.cuecast.camera;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
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
    /** The capture time of the frame with a given sequence number, epoch microseconds. */
    private final LongUnaryOperator captureTimeOfSequence;

    private VideoCaptureSource(VideoCapture capture, String description, boolean isFile, boolean loop, double fps,
                               LongUnaryOperator captureTimeOfSequence) {
        super(description, fps);
        this.capture = capture;
        this.isFile = isFile;
        this.loop = loop;
        this.captureTimeOfSequence = captureTimeOfSequence;
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
        return new VideoCaptureSource(capture, "V4L2 camera " + device, false, false, fps, sequence -> Clocks.epochMicros());
    }

    /**
     * Opens an MJPEG AVI file to be played live, as a camera: it plays at its own frame rate unless
     * {@code fps} is positive, and each frame is stamped with the wall clock when it is read.
     */
    public static VideoCaptureSource openFile(String path, boolean loop, double fps) {
        return openFile(path, loop, fps, false);
    }

    /**
     * Opens an MJPEG AVI file to be analysed as fast as it can be read: each frame is stamped with its
     * time in the footage (counted from the wall clock at opening), so that velocities and events do
     * not depend on how fast this machine reads, and two runs give the same result.
     */
    public static VideoCaptureSource openFileOnItsTimeline(String path) {
        return openFile(path, false, 0, true);
    }

    private static VideoCaptureSource openFile(String path, boolean loop, double fps, boolean onItsTimeline) {
        OpenCvNatives.load();
        VideoCapture capture = new VideoCapture(path, Videoio.CAP_OPENCV_MJPEG);
        if (!capture.isOpened()) {
            throw new CameraException("cannot open video file '" + path
                    + "': it is missing, unreadable, or not an MJPEG AVI (read other formats with ffmpeg:PATH)");
        }
        double fileFps = capture.get(Videoio.CAP_PROP_FPS);
        double rate = fps > 0 ? fps : (fileFps > 0 ? fileFps : 30);
        long openedAtUs = Clocks.epochMicros();
        LongUnaryOperator captureTime = onItsTimeline
                ? sequence -> openedAtUs + Math.round((sequence - 1) * 1e6 / rate)
                : sequence -> Clocks.epochMicros();
        return new VideoCaptureSource(capture, "video file " + path + (loop ? " (looping)" : ""), true, loop, rate,
                captureTime);
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
        long frameSequence = sequence.incrementAndGet();
        return Optional.of(new Frame(frameSequence, captureTimeOfSequence.applyAsLong(frameSequence), image));
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

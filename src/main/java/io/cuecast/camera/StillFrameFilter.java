package io.cuecast.camera;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Spares detection the frames that show nothing new. A pool table is still most of the time, and
 * a still frame detected again gives the same answer for 10 ms of a core. A frame is compared, as
 * a small grey thumbnail, with the last frame let through: it passes when enough thumbnail pixels
 * changed by more than sensor noise (a ball rolling, the cue moving, a hand), or when the last
 * one let through is older than the keep-alive, so that tracking and the state keep-alive go on.
 *
 * <p>Not thread-safe: the detection route calls it from its one consumer thread.
 */
public final class StillFrameFilter {
    /** Wide enough that a rolling ball covers several thumbnail pixels on a 9-foot table. */
    private static final int THUMBNAIL_WIDTH = 160;
    /** Grey levels: thumbnail averaging leaves sensor noise far below this. */
    private static final double PIXEL_CHANGE = 16;
    /** One changed pixel may be noise on an edge; two or more are something moving. */
    private static final int CHANGED_PIXELS = 2;

    private final boolean enabled;
    private final long keepAliveUs;
    private final Mat grey = new Mat();
    private final Mat current = new Mat();
    private final Mat difference = new Mat();
    private Mat lastPassed;
    private long lastPassedAtUs;
    /** The full size of the last frame let through: a frame of another size is never "the same". */
    private Size lastPassedSize;
    /** Written by the detection thread alone, read by health and metrics. */
    private volatile long skipped;

    /**
     * @param enabled          false lets every frame through
     * @param keepAliveSeconds the longest run of frames skipped in a row, in capture time
     */
    public StillFrameFilter(boolean enabled, double keepAliveSeconds) {
        if (keepAliveSeconds <= 0) {
            throw new IllegalArgumentException("keepAliveSeconds must be above 0");
        }
        this.enabled = enabled;
        this.keepAliveUs = (long) (keepAliveSeconds * 1e6);
    }

    /**
     * Whether the frame is worth detecting; when it is, it becomes the one later frames are compared
     * with. A replayed frame (a dead letter an operator sent back) always is: skipping it would
     * report a replay that never ran.
     *
     * @param replayOf the dead letter the frame is replayed from, or null for a live frame
     */
    public boolean worthDetecting(Frame frame, String replayOf) {
        if (!enabled || replayOf != null) {
            return true;
        }
        thumbnail(frame.image(), current);
        boolean pass = lastPassed == null
                || frame.capturedAtUs() - lastPassedAtUs >= keepAliveUs
                || !frame.image().size().equals(lastPassedSize)
                || changedPixels() >= CHANGED_PIXELS;
        if (pass) {
            if (lastPassed == null) {
                lastPassed = new Mat();
            }
            current.copyTo(lastPassed);
            lastPassedAtUs = frame.capturedAtUs();
            lastPassedSize = frame.image().size();
        }
        return pass;
    }

    /** Counts a frame found not worth detecting (the route frees its pixels, as for every frame). */
    public void skip() {
        skipped++;
    }

    /** Frames skipped as still, for health and metrics. */
    public long skipped() {
        return skipped;
    }

    private int changedPixels() {
        Core.absdiff(current, lastPassed, difference);
        Imgproc.threshold(difference, difference, PIXEL_CHANGE, 255, Imgproc.THRESH_BINARY);
        return Core.countNonZero(difference);
    }

    private void thumbnail(Mat image, Mat into) {
        Imgproc.cvtColor(image, grey, Imgproc.COLOR_BGR2GRAY);
        int height = Math.max(1, (int) Math.round((double) image.rows() * THUMBNAIL_WIDTH / image.cols()));
        Imgproc.resize(grey, into, new Size(THUMBNAIL_WIDTH, height), 0, 0, Imgproc.INTER_AREA);
    }
}

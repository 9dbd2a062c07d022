package io.cuecast.camera;

import io.cuecast.it.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Waiting on a live source from a test: for its next frame, or its next failure. */
final class SourceGrabs {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SourceGrabs() {
    }

    /** The next frame the source delivers; a failed grab fails the test with its reason. */
    static Frame nextFrame(FrameSource source) throws Exception {
        return Await.until(() -> source.grab().orElse(null), frame -> frame != null, WAIT,
                "a frame from " + source.description());
    }

    /** Why the next failing grab failed. */
    static String nextFailure(FrameSource source) throws Exception {
        AtomicReference<String> failure = new AtomicReference<>();
        Await.until(() -> {
            try {
                source.grab().ifPresent(Frame::close);
            } catch (CameraException e) {
                failure.set(e.getMessage());
            }
            return failure.get();
        }, reason -> reason != null, WAIT, "a failed grab from " + source.description());
        return failure.get();
    }

    /** Mean absolute difference per channel from the nearest of the originals; JPEG or MPEG-4 keeps it small. */
    static double distanceToNearest(Mat image, List<Mat> originals) {
        double nearest = Double.MAX_VALUE;
        Mat difference = new Mat();
        for (Mat original : originals) {
            Core.absdiff(image, original, difference);
            double[] means = Core.mean(difference).val;
            nearest = Math.min(nearest, (means[0] + means[1] + means[2]) / 3);
        }
        difference.release();
        return nearest;
    }
}

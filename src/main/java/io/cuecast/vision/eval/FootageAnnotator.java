package io.cuecast.vision.eval;

import io.cuecast.vision.BallDetection;
import io.cuecast.vision.CueDetection;
import io.cuecast.vision.TableView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Draws what the pipeline saw over a copy of a frame, for a person to look at. Green: a label the
 * pipeline found; red: a label it missed; cyan: a detection that hit a label; magenta: one that hit
 * nothing; orange: a detection on an unlabelled frame; yellow: the table outline; red line and
 * ring: the cue stick and its tip.
 */
public final class FootageAnnotator {
    private static final Scalar FOUND = new Scalar(0, 200, 0);
    private static final Scalar MISSED = new Scalar(0, 0, 255);
    private static final Scalar HIT = new Scalar(255, 255, 0);
    private static final Scalar SPURIOUS = new Scalar(255, 0, 255);
    private static final Scalar UNSCORED = new Scalar(0, 140, 255);
    private static final Scalar TABLE = new Scalar(0, 255, 255);
    private static final Scalar CUE = new Scalar(60, 60, 255);

    private final Mat canvas;

    public FootageAnnotator(Mat image) {
        this.canvas = image.clone();
    }

    public FootageAnnotator table(TableView table) {
        if (table != null) {
            Imgproc.polylines(canvas, List.of(new MatOfPoint(table.cornersPx())), true, TABLE, 1, Imgproc.LINE_AA);
        }
        return this;
    }

    public FootageAnnotator labelBox(BoxScoring.Box box, boolean found) {
        Imgproc.rectangle(canvas, new Point(box.x(), box.y()), new Point(box.x() + box.w(), box.y() + box.h()),
                found ? FOUND : MISSED, 1);
        return this;
    }

    public FootageAnnotator labelCentre(Point centre, boolean found) {
        Imgproc.drawMarker(canvas, centre, found ? FOUND : MISSED, Imgproc.MARKER_CROSS, 8, 1);
        return this;
    }

    /** A detection's circle, and its type and confidence beside it. */
    public FootageAnnotator detection(BallDetection ball, boolean hit) {
        return detection(ball, hit ? HIT : SPURIOUS);
    }

    /** A detection on a frame without labels. */
    public FootageAnnotator detection(BallDetection ball) {
        return detection(ball, UNSCORED);
    }

    private FootageAnnotator detection(BallDetection ball, Scalar colour) {
        Point centre = new Point(ball.px(), ball.py());
        Imgproc.circle(canvas, centre, (int) Math.round(ball.radiusPx()), colour, 1, Imgproc.LINE_AA);
        String text = String.format(Locale.ROOT, "%s %.2f", ball.type().wireName(), ball.confidence());
        Imgproc.putText(canvas, text, new Point(ball.px() + ball.radiusPx() + 2, ball.py() - 2),
                Imgproc.FONT_HERSHEY_PLAIN, 0.8, colour, 1);
        return this;
    }

    /** The cue stick's visible line, with a ring round its tip and its angle beside it; nothing for null. */
    public FootageAnnotator cue(CueDetection cue) {
        if (cue != null) {
            Point tip = new Point(cue.tipPx(), cue.tipPy());
            Imgproc.line(canvas, new Point(cue.buttPx(), cue.buttPy()), tip, CUE, 2, Imgproc.LINE_AA);
            Imgproc.circle(canvas, tip, 6, CUE, 2, Imgproc.LINE_AA);
            String text = String.format(Locale.ROOT, "cue %.1f deg %.2f", cue.angleDeg(), cue.confidence());
            Imgproc.putText(canvas, text, new Point(cue.tipPx() + 8, cue.tipPy() + 14), Imgproc.FONT_HERSHEY_PLAIN,
                    0.9, CUE, 1);
        }
        return this;
    }

    /** A line of text at the top-left, on a dark band so it reads over any picture. */
    public FootageAnnotator caption(String text) {
        Imgproc.rectangle(canvas, new Point(0, 0), new Point(canvas.cols(), 18), new Scalar(0, 0, 0), -1);
        Imgproc.putText(canvas, text, new Point(4, 13), Imgproc.FONT_HERSHEY_PLAIN, 1.0, new Scalar(255, 255, 255), 1);
        return this;
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Imgcodecs.imwrite(file.toString(), canvas)) {
            throw new IllegalStateException("could not write " + file);
        }
        canvas.release();
    }
}

package io.cuecast.camera.sim;

import io.cuecast.camera.OpenCvNatives;
import io.cuecast.table.Rgb;
import org.opencv.core.Mat;

import java.util.Random;

/**
 * Draws what an overhead camera would see of a {@link TableState}: the table (painted once), the
 * balls' soft shadows, the balls, the cue stick on top, and sensor noise.
 *
 * <p>Not thread-safe; one thread renders. {@link #close()} frees the native images it keeps.
 */
public final class TableRenderer implements AutoCloseable {
    private final SimulatorLayout layout;
    private final Mat background;
    private final BallPainter balls;
    private final CueStickPainter cue;
    private final SensorNoise noise;
    private long framesRendered;

    /**
     * @param layout     where the table lies in the frame
     * @param cloth      the cloth colour under full light
     * @param noiseSigma sensor noise standard deviation in 8-bit levels (0 for none)
     * @param seed       makes the cloth texture and noise the same for the same seed
     */
    public TableRenderer(SimulatorLayout layout, Rgb cloth, double noiseSigma, long seed) {
        OpenCvNatives.load();
        Random random = new Random(seed);
        this.layout = layout;
        this.background = TableBackground.paint(layout, cloth, random);
        this.balls = new BallPainter(layout.ballRadiusPx(), new NumberGlyphs());
        this.cue = new CueStickPainter(layout);
        this.noise = new SensorNoise(layout.widthPx(), layout.heightPx(), noiseSigma, random);
    }

    public SimulatorLayout layout() {
        return layout;
    }

    /** A new BGR frame (CV_8UC3, the layout's size) of {@code state}; the caller owns it. */
    public Mat render(TableState state) {
        Mat frame = background.clone();
        for (BallState ball : state.balls()) {
            balls.paintShadow(frame, layout.xToPx(ball.xMm()), layout.yToPx(ball.yMm()));
        }
        for (BallState ball : state.balls()) {
            balls.paintBall(frame, ball, layout.xToPx(ball.xMm()), layout.yToPx(ball.yMm()));
        }
        state.cue().ifPresent(stick -> cue.paint(frame, stick));
        noise.addTo(frame, framesRendered++);
        return frame;
    }

    @Override
    public void close() {
        background.release();
        noise.close();
    }
}

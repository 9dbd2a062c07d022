package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.camera.sim.BallState;
import io.cuecast.camera.sim.CueStick;
import io.cuecast.camera.sim.GroundTruthCue;
import io.cuecast.camera.sim.GroundTruthFrame;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorLayout;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.camera.sim.TableRenderer;
import io.cuecast.camera.sim.TableState;
import io.cuecast.physics.Orientation;
import io.cuecast.table.PoolBall;
import io.cuecast.table.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The cue detector in the whole pipeline, frame by frame, on the simulator, judged by its ground
 * truth: the tip's error in pixels and the angle's in degrees while the tip is over the cloth, no
 * cue while none is drawn, and the same with a player's arm and bridge hand painted over the stick
 * and with lines of light projected on the cloth.
 */
class SimulatedCueDetectionTest {
    private static final int FRAMES = 600;
    private static final int ROBUSTNESS_FRAMES = 360;
    /** Scored only while the tip is this far inside the cushions: nearer, it is not over the cloth. */
    private static final double TIP_INSIDE_MM = 60;

    /** What the pipeline saw of the cue over a run, against the truth. */
    private record Figures(int aiming, int found, List<Double> tipErrorsPx, List<Double> angleErrorsDeg,
                           int withoutCue, int falseCues) {
        static double p(List<Double> values, double q) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "found %d/%d aiming frames; tip error median %.2f px, p95 %.2f px;"
                    + " angle error median %.2f deg, p95 %.2f deg; false cues %d/%d frames without one",
                    found, aiming, p(tipErrorsPx, 0.5), p(tipErrorsPx, 0.95), p(angleErrorsDeg, 0.5),
                    p(angleErrorsDeg, 0.95), falseCues, withoutCue);
        }
    }

    @Test
    void findsTheCueWhileAimingWithItsTipAndAngle() {
        Figures figures = run(FRAMES, (frame, truth) -> { });
        System.out.println("cue on the simulator: " + figures);
        assertTrue(figures.aiming() >= 100, figures.toString());
        // Missed: a stick still coming in, or lying along a cushion, with little of it over the cloth.
        assertTrue(figures.found() >= 0.95 * figures.aiming(), figures.toString());
        assertTrue(Figures.p(figures.tipErrorsPx(), 0.5) <= 3.0, figures.toString());
        assertTrue(Figures.p(figures.tipErrorsPx(), 0.95) <= 8.0, figures.toString());
        assertTrue(Figures.p(figures.angleErrorsDeg(), 0.5) <= 0.5, figures.toString());
        assertTrue(Figures.p(figures.angleErrorsDeg(), 0.95) <= 1.5, figures.toString());
        assertTrue(figures.withoutCue() >= 100, figures.toString());
        assertTrue(figures.falseCues() <= 0.01 * figures.withoutCue(), figures.toString());
    }

    @Test
    void theArmAndTheBridgeHandAreNotTakenForTheStick() {
        SimulatorLayout layout = SimulatorLayout.of(1280, 720, TableSpec.POOL_9FT);
        Figures figures = run(ROBUSTNESS_FRAMES, (frame, truth) -> truth.cue().ifPresent(cue -> paintPlayer(frame, cue, layout)));
        System.out.println("cue on the simulator, arm and bridge hand painted over the stick: " + figures);
        assertTrue(figures.aiming() >= 80, figures.toString());
        // Missed: the tip under 250 mm inside the cushion, its bridge hand hiding all but a stub over the cloth.
        assertTrue(figures.found() >= 0.90 * figures.aiming(), figures.toString());
        assertTrue(Figures.p(figures.tipErrorsPx(), 0.95) <= 8.0, figures.toString());
        assertTrue(Figures.p(figures.angleErrorsDeg(), 0.95) <= 1.5, figures.toString());
        assertTrue(figures.falseCues() <= 0.01 * figures.withoutCue(), figures.toString());
    }

    @Test
    void linesOfLightOnTheClothAreNotTakenForTheStick() {
        SimulatorLayout layout = SimulatorLayout.of(1280, 720, TableSpec.POOL_9FT);
        Figures figures = run(ROBUSTNESS_FRAMES, (frame, truth) -> paintProjection(frame, truth, layout));
        System.out.println("cue on the simulator, lines of light projected on the cloth: " + figures);
        assertTrue(figures.aiming() >= 80, figures.toString());
        assertTrue(figures.found() >= 0.95 * figures.aiming(), figures.toString());
        assertTrue(Figures.p(figures.tipErrorsPx(), 0.95) <= 8.0, figures.toString());
        assertTrue(Figures.p(figures.angleErrorsDeg(), 0.95) <= 1.5, figures.toString());
        assertTrue(figures.withoutCue() >= 50, figures.toString());
        assertTrue(figures.falseCues() == 0, figures.toString());
    }

    /**
     * A cue ball on or near a cushion is struck with the stick wholly over the cushion and the rail:
     * the cloth shows none of it. Scenes at every cushion, with the ball 0-60 mm off it and the stick
     * at up to 60 degrees from square, its tip off the cloth; and each scene again without the stick.
     */
    @Test
    void aStickWhollyOverTheCushionAndRailIsFoundAimingAtTheBallNearIt() {
        SimulatorSettings settings = SimulatorSettings.defaults();
        TableSpec table = settings.table();
        SimulatorLayout layout = SimulatorLayout.of(settings.width(), settings.height(), table);
        VisionPipeline pipeline = new VisionPipeline(table, 150);
        Random random = new Random(11);
        double radius = table.ballRadiusMm();
        int scenes = 0;
        int found = 0;
        int falseCues = 0;
        List<Double> angleErrors = new ArrayList<>();
        List<Double> aimErrorsMm = new ArrayList<>();
        try (TableRenderer renderer = new TableRenderer(layout, settings.clothColour(), settings.noiseSigma(), 11)) {
            for (int scene = 0; scene < 24; scene++) {
                int cushion = scene % 4;
                double off = radius + random.nextDouble() * 60;
                double along = 0.2 + random.nextDouble() * 0.6;
                // the inward normal of the cushion, and the ball off it
                double[][] normals = {{0, 1}, {-1, 0}, {0, -1}, {1, 0}};
                double nx = normals[cushion][0];
                double ny = normals[cushion][1];
                double ballX = nx != 0 ? (nx > 0 ? off : table.lengthMm() - off) : along * table.lengthMm();
                double ballY = ny != 0 ? (ny > 0 ? off : table.widthMm() - off) : along * table.widthMm();
                double angle = Math.atan2(ny, nx) + Math.toRadians(-60 + random.nextDouble() * 120);
                // the tip behind the ball, off the cloth: past the cushion's nose along the stick
                double toNose = (off - radius) / Math.cos(angle - Math.atan2(ny, nx));
                double gap = toNose + 5 + random.nextDouble() * 40;
                double tipX = ballX - Math.cos(angle) * (radius + gap);
                double tipY = ballY - Math.sin(angle) * (radius + gap);
                List<BallState> balls = List.of(new BallState(PoolBall.CUE, ballX, ballY, 0, 0, Orientation.IDENTITY),
                        new BallState(PoolBall.ONE, table.lengthMm() / 2, table.widthMm() / 2, 0, 0, Orientation.IDENTITY),
                        new BallState(PoolBall.ofNumber(11), ballX + nx * 200 + ny * 150, ballY + ny * 200 + nx * 150, 0, 0,
                                Orientation.IDENTITY));
                CueStick stick = new CueStick(tipX, tipY, angle);
                scenes++;
                CueDetection cue = detectIn(renderer.render(new TableState(0, balls, Optional.of(stick))), pipeline, scene);
                if (cue != null) {
                    found++;
                    double error = Math.abs(Math.IEEEremainder(cue.tableAngleDeg() - Math.toDegrees(angle), 360));
                    angleErrors.add(error);
                    // how far the detected line passes from the ball's centre
                    double a = Math.toRadians(cue.tableAngleDeg());
                    aimErrorsMm.add(Math.abs(-(ballX - cue.tipXMm()) * Math.sin(a) + (ballY - cue.tipYMm()) * Math.cos(a)));
                }
                falseCues += detectIn(renderer.render(new TableState(0, balls, Optional.empty())), pipeline, scene) == null ? 0 : 1;
            }
        }
        String figures = String.format(Locale.ROOT, "found %d of %d; angle error median %.2f, worst %.2f deg;"
                        + " line to ball centre worst %.1f mm; false cues %d of %d", found, scenes,
                Figures.p(angleErrors, 0.5),
                angleErrors.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                aimErrorsMm.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), falseCues, scenes);
        System.out.println("stick over the cushion and rail: " + figures);
        assertTrue(found >= 0.9 * scenes, figures);
        assertTrue(angleErrors.stream().allMatch(error -> error <= 1.0), figures);
        assertTrue(aimErrorsMm.stream().allMatch(error -> error <= radius), "the line runs through the ball: " + figures);
        assertTrue(falseCues == 0, figures);
    }

    private static CueDetection detectIn(Mat image, VisionPipeline pipeline, int scene) {
        try (Frame frame = new Frame(scene, scene, image)) {
            return pipeline.detect(frame).cue();
        }
    }

    /**
     * A bridge hand over the stick 150-250 mm behind the tip, and the forearm and gripping hand from
     * 700 mm behind it out over the rail, beside the stick and on top of it, in a skin tone.
     */
    private static void paintPlayer(Mat frame, GroundTruthCue cue, SimulatorLayout layout) {
        Scalar skin = new Scalar(140, 172, 224);
        Point bridge = onStick(cue, layout, 200, 0);
        Imgproc.ellipse(frame, bridge, new Size(layout.lengthToPx(55), layout.lengthToPx(40)),
                Math.toDegrees(cue.angleRad()), 0, 360, skin, -1, Imgproc.LINE_AA);
        Point wrist = onStick(cue, layout, 1000, 25);
        Imgproc.line(frame, onStick(cue, layout, 700, 20), onStick(cue, layout, 2000, 120), skin,
                (int) Math.round(layout.lengthToPx(85)), Imgproc.LINE_AA);
        Imgproc.circle(frame, wrist, (int) Math.round(layout.lengthToPx(50)), skin, -1, Imgproc.LINE_AA);
    }

    /** A point {@code behindMm} behind the tip along the stick and {@code asideMm} to its side, in pixels. */
    private static Point onStick(GroundTruthCue cue, SimulatorLayout layout, double behindMm, double asideMm) {
        double dx = Math.cos(cue.angleRad());
        double dy = Math.sin(cue.angleRad());
        return new Point(layout.xToPx(cue.tipXMm() - dx * behindMm - dy * asideMm),
                layout.yToPx(cue.tipYMm() - dy * behindMm + dx * asideMm));
    }

    /**
     * What a projector over the table draws, a few millimetres wide and bright: the aiming line from
     * the tip on across the table (while a stick is there), a fixed line and a ghost-ball ring.
     */
    private static void paintProjection(Mat frame, GroundTruthFrame truth, SimulatorLayout layout) {
        Scalar light = new Scalar(255, 255, 170);
        int width = (int) Math.max(1, Math.round(layout.lengthToPx(4)));
        truth.cue().ifPresent(cue -> Imgproc.line(frame, new Point(cue.tipXPx(), cue.tipYPx()),
                onStick(cue, layout, -1500, 0), light, width, Imgproc.LINE_AA));
        Imgproc.line(frame, new Point(layout.xToPx(300), layout.yToPx(200)), new Point(layout.xToPx(2200), layout.yToPx(1100)),
                light, width, Imgproc.LINE_AA);
        Imgproc.circle(frame, new Point(layout.xToPx(1800), layout.yToPx(400)), (int) Math.round(layout.lengthToPx(29)),
                light, width, Imgproc.LINE_AA);
    }

    private Figures run(int frames, BiConsumer<Mat, GroundTruthFrame> paintOver) {
        SimulatorSettings settings = SimulatorSettings.defaults();
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        TableSpec table = settings.table();
        int aiming = 0;
        int found = 0;
        int withoutCue = 0;
        int falseCues = 0;
        List<Double> tipErrors = new ArrayList<>();
        List<Double> angleErrors = new ArrayList<>();
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            for (int n = 0; n < frames; n++) {
                Detection detection;
                GroundTruthFrame truth;
                try (Frame frame = camera.grab().orElseThrow()) {
                    truth = camera.groundTruthOf(frame.sequence()).orElseThrow();
                    paintOver.accept(frame.image(), truth);
                    detection = pipeline.detect(frame);
                }
                if (truth.cue().isEmpty()) {
                    withoutCue++;
                    falseCues += detection.cue() == null ? 0 : 1;
                    continue;
                }
                GroundTruthCue cue = truth.cue().get();
                boolean overCloth = Math.min(Math.min(cue.tipXMm(), table.lengthMm() - cue.tipXMm()),
                        Math.min(cue.tipYMm(), table.widthMm() - cue.tipYMm())) >= TIP_INSIDE_MM;
                if (!overCloth) {
                    continue;
                }
                aiming++;
                if (detection.cue() != null) {
                    found++;
                    tipErrors.add(Math.hypot(detection.cue().tipPx() - cue.tipXPx(), detection.cue().tipPy() - cue.tipYPx()));
                    double difference = detection.cue().angleDeg() - Math.toDegrees(cue.angleRad());
                    angleErrors.add(Math.abs(Math.IEEEremainder(difference, 360)));
                }
            }
        }
        return new Figures(aiming, found, tipErrors, angleErrors, withoutCue, falseCues);
    }
}

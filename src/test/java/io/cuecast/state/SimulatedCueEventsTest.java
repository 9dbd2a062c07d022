package io.cuecast.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.camera.Frame;
import io.cuecast.camera.sim.FrameClock;
import io.cuecast.camera.sim.SimulatedCamera;
import io.cuecast.camera.sim.SimulatorSettings;
import io.cuecast.vision.VisionPipeline;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aiming on the simulator, through the real vision pipeline: when the simulated player's stick comes
 * over the table, aims, strikes and is pulled away, there is one {@code cue_detected} soon after it
 * comes and one {@code cue_lost} about when it has gone, and no other.
 */
class SimulatedCueEventsTest {
    /**
     * Frames between the truth and the event: the hysteresis, and the frames in which the stick is on
     * the camera's picture but too little of it over the cloth to be found (coming in, pulled away).
     */
    private static final int WITHIN_FRAMES = EventDetector.CUE_GONE_FRAMES + 6;

    @Test
    void aStrokeIsOneCueDetectedAsTheStickComesAndOneCueLostAsItGoes() {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(42);
        VisionPipeline pipeline = new VisionPipeline(settings.table(), 150);
        TrackingLimits limits = new TrackingLimits(8000, 5, 3, 1.0, 25, 2);
        StateStage stage = new StateStage(new BallTracker(settings.table(), limits),
                new EventDetector(settings.table(), limits), new StatePublicationPolicy(1, 30, 1), new GameRecord(100), Clock.systemUTC());
        List<long[]> strokes = new ArrayList<>(); // truth: first and last frame with a stick
        List<String> told = new ArrayList<>();
        long lastFrame = 0;
        try (SimulatedCamera camera = new SimulatedCamera(settings, new FrameClock(settings.fps()))) {
            // The first stroke, and long enough after it for its cue_lost.
            while (strokes.isEmpty() || strokes.get(0)[1] < 0 || lastFrame - strokes.get(0)[1] < WITHIN_FRAMES) {
                try (Frame frame = camera.grab().orElseThrow()) {
                    lastFrame = frame.sequence();
                    boolean stick = camera.groundTruthOf(frame.sequence()).orElseThrow().cue().isPresent();
                    if (stick && (strokes.isEmpty() || strokes.get(strokes.size() - 1)[1] >= 0)) {
                        strokes.add(new long[] {lastFrame, -1});
                    } else if (!stick && !strokes.isEmpty() && strokes.get(strokes.size() - 1)[1] < 0) {
                        strokes.get(strokes.size() - 1)[1] = lastFrame - 1;
                    }
                    for (GameEvent event : stage.update(pipeline.detect(frame)).events()) {
                        if (event.type().startsWith("cue_")) {
                            told.add(event.type() + "@" + event.frame());
                        }
                    }
                }
                assertTrue(lastFrame < 600, "a stroke within 20 s of game: " + told);
            }
        }
        assertEquals(2, told.size(), told.toString());
        long[] stroke = strokes.get(0);
        String[] detected = told.get(0).split("@");
        String[] lost = told.get(1).split("@");
        assertEquals("cue_detected", detected[0]);
        assertEquals("cue_lost", lost[0]);
        long detectedAt = Long.parseLong(detected[1]);
        long lostAt = Long.parseLong(lost[1]);
        String truth = "stick on the picture in frames " + stroke[0] + "-" + stroke[1] + ", told " + told;
        assertTrue(detectedAt >= stroke[0] + EventDetector.CUE_SEEN_FRAMES - 1 && detectedAt <= stroke[0] + WITHIN_FRAMES,
                truth);
        assertTrue(Math.abs(lostAt - stroke[1]) <= WITHIN_FRAMES, truth);
    }
}

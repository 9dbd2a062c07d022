package io.cuecast.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuecast.camera.Frame;
import io.cuecast.camera.VideoCaptureSource;
import io.cuecast.vision.eval.Bern;
import io.cuecast.vision.eval.CentreScoring;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point;

/**
 * The ball detector on Bern's cue-shot video (../shared/data/README.md; skipped when absent), frame
 * after frame through one pipeline as the tracker gets them: a snooker table with two balls (the
 * cue ball and a red in the top-right pocket's jaws, pocketed after frame 51), a player's hand and
 * cue, an arm across the cushion, and cyan lines and rings projected on the cloth. Our own labels
 * ({@code bern-video-balls.json}) give the balls' centres on 13 frames; every frame is checked for
 * more balls than the table holds. The floors sit at today's figures (bench/RESULTS.md): before the
 * larger bodies were told from balls, hands and the smeared cue ball made 3 to 6 balls a frame; now
 * the smeared cue ball is one ball (its streak's middle), neither found nor false.
 */
class RealFootageBernVideoBallsTest {
    private static final Path VIDEO = Path.of("../shared/data/bern/video_cue_shot.avi");
    /** The red drops into the pocket after this frame: from the next one only the cue ball is on the table. */
    private static final int LAST_FRAME_WITH_THE_RED = 51;
    /** A detection this many ball radii from a streak's middle is the smeared cue ball: neither found nor false. */
    private static final double STREAK_REACH_RADII = 3;

    @Test
    void findsTheTwoBallsAndNothingElse() throws Exception {
        assumeTrue(Files.isRegularFile(VIDEO), "real footage " + VIDEO + " not found: skipped");
        Map<Integer, JsonNode> labelled = labels();
        VisionPipeline pipeline = new VisionPipeline(Bern.SNOOKER, 150);
        int frames = 0;
        int labels = 0;
        int found = 0;
        int falseBalls = 0;
        int mostBalls = 0;
        int framesWithTooMany = 0;
        List<String> falses = new ArrayList<>();
        try (VideoCaptureSource video = VideoCaptureSource.openFileOnItsTimeline(VIDEO.toString())) {
            for (Optional<Frame> grabbed = video.grab(); grabbed.isPresent(); grabbed = video.grab(), frames++) {
                try (Frame frame = grabbed.get()) {
                    List<BallDetection> balls = pipeline.detect(frame).balls();
                    mostBalls = Math.max(mostBalls, balls.size());
                    framesWithTooMany += balls.size() > (frames <= LAST_FRAME_WITH_THE_RED ? 2 : 1) ? 1 : 0;
                    JsonNode truth = labelled.get(frames);
                    if (truth == null) {
                        continue;
                    }
                    List<Point> centres = points(truth.path("balls"));
                    List<Point> streaks = points(truth.path("streaks"));
                    List<BallDetection> scored = balls.stream().filter(b -> streaks.stream()
                            .noneMatch(s -> Math.hypot(s.x - b.px(), s.y - b.py()) <= STREAK_REACH_RADII * b.radiusPx())).toList();
                    CentreScoring.Pairing pairing = CentreScoring.pair(centres,
                            scored.stream().map(b -> new Point(b.px(), b.py())).toList(), Bern.LOOSE_PX);
                    labels += centres.size();
                    found += pairing.offsets().size();
                    for (int d = 0; d < scored.size(); d++) {
                        if (!pairing.hit()[d]) {
                            falseBalls++;
                            falses.add(String.format(Locale.ROOT, "%d: (%.0f, %.0f)", frames, scored.get(d).px(), scored.get(d).py()));
                        }
                    }
                }
            }
        }
        String figures = String.format(Locale.ROOT, "bern video_cue_shot, %d frames: labelled balls found within %.0f px"
                        + " %d/%d, false balls on the %d labelled frames %d %s; most balls in a frame %d; frames with more"
                        + " balls than the table holds %d", frames, Bern.LOOSE_PX, found, labels, labelled.size(),
                falseBalls, falses, mostBalls, framesWithTooMany);
        System.out.println(figures);
        assertEquals(114, frames, figures);
        assertEquals(labels, found, figures);
        // Today: the arm's shadow where it crosses the left cushion is a ball in frames 60-61 and 64-65 (60 is
        // labelled), and a blurred piece of the leaving hand a third ball in 64-65. There are 2 balls to find.
        assertTrue(falseBalls <= 1, figures);
        assertTrue(mostBalls <= 3, figures);
        assertTrue(framesWithTooMany <= 4, figures);
    }

    private static Map<Integer, JsonNode> labels() throws Exception {
        try (InputStream in = RealFootageBernVideoBallsTest.class.getResourceAsStream("/bern-video-balls.json")) {
            Map<Integer, JsonNode> byFrame = new HashMap<>();
            new ObjectMapper().readTree(in).path("frames").forEach(f -> byFrame.put(f.path("frame").asInt(), f));
            return byFrame;
        }
    }

    private static List<Point> points(JsonNode pairs) {
        List<Point> points = new ArrayList<>();
        pairs.forEach(p -> points.add(new Point(p.get(0).asDouble(), p.get(1).asDouble())));
        return points;
    }
}

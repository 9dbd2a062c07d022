package io.cuecast.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof on the simulator: for each shot it plays, the last trajectory published before
 * {@code shot_started} against what happened, as the running application saw it: the balls' resting
 * positions in the first state after {@code shot_ended}, the balls pocketed and the first ball hit.
 * It measures through the streams only, so it works whichever physics moves the simulator.
 *
 * <p>Plays {@code -Dcuecast.proof.shots=N} shots (3 by default, the break included) and writes a
 * Markdown report to {@code target/prediction-vs-simulator.md} (figures for bench/RESULTS.md).
 */
class PredictionAgainstSimulatorTest {
    /**
     * A stroke is measured from the frames that show the cue's approach, so the pipeline must keep
     * up with the camera: at 1280x720 a slow or busy machine (detection over the 33 ms of a frame)
     * dropped them and saw the stroke in one frame only. At 960x540 detection takes about half as long.
     */
    private static final String[] KEEPS_UP_AT_30_FPS = {"--cuecast.camera.width=960", "--cuecast.camera.height=540"};
    private static RunningCuecast app;
    private static final int SHOTS = Integer.getInteger("cuecast.proof.shots", 3);
    /**
     * Which of the seeded game's shots the test sees depends on how long start-up took: a window of
     * three may hold two breaks (a break that sinks the eight racks again) and a stroke whose cue was
     * not seen. So it watches on, up to this many, until a shot after the first had its speed measured.
     */
    private static final int MAX_SHOTS = Math.max(SHOTS, 8);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration PING_EVERY = Duration.ofSeconds(20);

    /** One shot: what was predicted just before the strike, and what happened. */
    private record Compared(int shot, String speedSource, double predictedSpeed, double struckSpeed, long framesBefore,
                            double confidence, double meanErrorMm, double cueBallErrorMm,
                            double worstErrorMm, int balls, boolean pocketsRight, boolean firstHitRight,
                            Set<Integer> predictedPockets, Set<Integer> realisedPockets) {
    }

    @BeforeAll
    static void startCuecast() throws Exception {
        app = RunningCuecast.start(KEEPS_UP_AT_30_FPS);
    }

    @AfterAll
    static void stopCuecast() throws Exception {
        app.close();
    }

    @Test
    void thePredictionMadeJustBeforeEachStrikeIsComparedWithWhereTheBallsCameToRest() throws Exception {
        List<Compared> shots = new ArrayList<>();
        try (WsClient client = WsClient.connect(app.ws("/api/v1/ws"))) {
            client.send("{\"type\":\"subscribe\",\"data\":{\"streams\":[\"state\",\"trajectory\",\"events\"]}}");
            JsonNode lastTrajectory = null;
            JsonNode struck = null;
            JsonNode ended = null;
            JsonNode started = null;
            long startedFrame = Long.MIN_VALUE;
            long lastPing = System.nanoTime();
            while (shots.size() < SHOTS || (shots.size() < MAX_SHOTS && !anyMeasuredAfterTheFirst(shots))) {
                if (System.nanoTime() - lastPing > PING_EVERY.toNanos()) {
                    // A client that only listens is closed after the idle timeout (60 s); a shot takes longer.
                    client.send("{\"type\":\"ping\"}");
                    lastPing = System.nanoTime();
                }
                JsonNode message = client.nextMatching(m -> true, WAIT, "a message");
                String type = message.path("type").asText();
                JsonNode data = message.path("data");
                if (type.equals("trajectory")) {
                    // A prediction from the frames just before the strike may come after shot_started
                    // (docs/PROTOCOL.md): its frame says which shot it predicts.
                    if (data.path("frame").asLong() >= startedFrame) {
                        lastTrajectory = data;
                    } else if (struck == null || data.path("frame").asLong() > struck.path("frame").asLong()) {
                        struck = data;
                    }
                } else if (type.equals("events") && data.path("event").asText().equals("shot_started")) {
                    // Only a prediction of this aim counts: one made since the last shot ended.
                    struck = lastTrajectory;
                    started = data;
                    startedFrame = data.path("frame").asLong();
                    lastTrajectory = null;
                    ended = null;
                } else if (type.equals("events") && data.path("event").asText().equals("shot_ended")) {
                    ended = data;
                } else if (type.equals("state") && ended != null) {
                    if (struck != null && struck.path("cue_ball_id").asInt() == ended.path("data").path("cue_ball_id").asInt()) {
                        shots.add(compare(shots.size() + 1, struck, started, ended.path("data"), data));
                    }
                    struck = null;
                    ended = null;
                }
            }
        }
        String report = report(shots);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/prediction-vs-simulator.md"), report);

        assertTrue(shots.size() >= SHOTS, "shots compared: " + shots.size());
        for (Compared shot : shots) {
            assertTrue(shot.balls() > 0, "the prediction's balls are the state's: " + shot);
            assertTrue(shot.meanErrorMm() < 2540, "errors within the table: " + shot);
        }
        // Past the break, the stroke is seen and the prediction plays the simulator's own physics:
        // where its speed came from the cue, the typical shot leaves the balls within a ball or two
        // of where it said (20 shots: median 7 mm, bench/RESULTS.md).
        double[] measured = shots.stream().skip(1).filter(shot -> shot.speedSource().equals("cue"))
                .mapToDouble(Compared::meanErrorMm).sorted().toArray();
        assertTrue(measured.length > 0, "no shot after the break took its speed from the stroke:\n" + report);
        assertTrue(measured[measured.length / 2] < 100, "median mean error at rest of the shots at the stroke's speed:\n"
                + report);
    }

    private static boolean anyMeasuredAfterTheFirst(List<Compared> shots) {
        return shots.stream().skip(1).anyMatch(shot -> shot.speedSource().equals("cue"));
    }

    private static Compared compare(int number, JsonNode predicted, JsonNode started, JsonNode summary,
                                    JsonNode realisedState) {
        Map<Integer, double[]> realised = new HashMap<>();
        realisedState.path("balls").forEach(ball -> realised.put(ball.path("id").asInt(),
                new double[] {ball.path("position").path("x").asDouble(), ball.path("position").path("y").asDouble()}));
        double sum = 0;
        double worst = 0;
        double cueBall = Double.NaN;
        int balls = 0;
        for (JsonNode ball : predicted.path("resting_positions")) {
            double[] at = realised.get(ball.path("id").asInt());
            if (at == null) {
                continue;
            }
            double error = Math.hypot(ball.path("position").path("x").asDouble() - at[0],
                    ball.path("position").path("y").asDouble() - at[1]);
            sum += error;
            worst = Math.max(worst, error);
            balls++;
            if (ball.path("id").asInt() == predicted.path("cue_ball_id").asInt()) {
                cueBall = error;
            }
        }
        Set<Integer> predictedPockets = new TreeSet<>();
        predicted.path("pocket_entries").forEach(entry -> predictedPockets.add(entry.path("id").asInt()));
        Set<Integer> realisedPockets = new TreeSet<>();
        summary.path("balls_pocketed").forEach(entry -> realisedPockets.add(entry.path("id").asInt()));
        boolean firstHitRight = predicted.path("first_ball_hit").asInt(-1) == summary.path("first_ball_hit").asInt(-1);
        return new Compared(number, predicted.path("shot").path("speed_source").asText(),
                predicted.path("shot").path("speed_mm_s").asDouble(), started.path("data").path("speed_mm_s").asDouble(),
                started.path("frame").asLong() - predicted.path("frame").asLong(), predicted.path("confidence").asDouble(), balls == 0 ? Double.NaN : sum / balls, cueBall, worst, balls,
                predictedPockets.equals(realisedPockets), firstHitRight, predictedPockets, realisedPockets);
    }

    private static String report(List<Compared> shots) {
        StringBuilder table = new StringBuilder();
        table.append("| Shot | Speed from | Speed predicted / at shot_started (mm/s) | Frames before the strike | Confidence | Mean error at rest (mm) | Cue ball (mm) | Worst ball (mm) | Balls | First ball hit right | Pocketed: predicted / realised |\n");
        table.append("|------|------------|------|------|------------|------|------|------|-------|------|------|\n");
        for (Compared shot : shots) {
            table.append(String.format(Locale.ROOT, "| %d | %s | %.0f / %.0f | %d | %.2f | %.0f | %.0f | %.0f | %d | %s | %s / %s%s |%n",
                    shot.shot(), shot.speedSource(), shot.predictedSpeed(), shot.struckSpeed(), shot.framesBefore(),
                    shot.confidence(), shot.meanErrorMm(), shot.cueBallErrorMm(),
                    shot.worstErrorMm(), shot.balls(), shot.firstHitRight() ? "yes" : "no", shot.predictedPockets(),
                    shot.realisedPockets(), shot.pocketsRight() ? " (right)" : " (wrong)"));
        }
        long pocketsRight = shots.stream().filter(Compared::pocketsRight).count();
        long firstRight = shots.stream().filter(Compared::firstHitRight).count();
        double[] means = shots.stream().mapToDouble(Compared::meanErrorMm).filter(Double::isFinite).sorted().toArray();
        table.append(String.format(Locale.ROOT, "%nPockets right in %d of %d shots, first ball hit right in %d of %d; "
                        + "median of the shots' mean errors at rest %.0f mm.%n", pocketsRight, shots.size(), firstRight,
                shots.size(), means.length == 0 ? Double.NaN : means[means.length / 2]));
        return table.toString();
    }
}

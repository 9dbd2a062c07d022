package io.cuecast.vision;

import io.cuecast.camera.Frame;
import io.cuecast.camera.OpenCvNatives;
import io.cuecast.table.FourCorners;
import io.cuecast.table.TableSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Frame in, {@link Detection} out. The cloth colour and the table's place are learnt from the image
 * and re-learnt every {@code tableRefreshFrames} frames (and on every frame until first found), so
 * that a camera knocked aside or a change of light is picked up without a restart. Where an
 * installer has set the table's outline by hand, that outline is used instead of the one found, from
 * the next frame on.
 *
 * <p>Not thread-safe: one pipeline serves one camera, frame after frame.
 */
public final class VisionPipeline {
    /** A re-learnt table closer than this to the current one is the same table: keep the old view. */
    private static final double SAME_TABLE_PX = 2.0;

    private final TableLocator locator;
    private final BallDetector detector;
    private final CueDetector cueDetector;
    private final int tableRefreshFrames;
    private final Supplier<Optional<FourCorners>> manualOutline;
    private final TableSpec spec;
    private Optional<FourCorners> appliedOutline = Optional.empty();
    private ClothModel cloth;
    private TableView table;
    private long framesSinceLearnt;

    /** Finds the table's outline itself. */
    public VisionPipeline(TableSpec spec, int tableRefreshFrames) {
        this(spec, tableRefreshFrames, Optional::empty);
    }

    /**
     * @param manualOutline the playing area's corners in the image as set by hand (read on every
     *                      frame, so keep it cheap), or empty to find them
     */
    public VisionPipeline(TableSpec spec, int tableRefreshFrames, Supplier<Optional<FourCorners>> manualOutline) {
        this.spec = spec;
        this.manualOutline = manualOutline;
        if (tableRefreshFrames < 1) {
            throw new IllegalArgumentException("tableRefreshFrames must be at least 1");
        }
        OpenCvNatives.load();
        this.detector = new BallDetector(spec);
        this.cueDetector = new CueDetector();
        this.locator = new TableLocator(spec);
        this.tableRefreshFrames = tableRefreshFrames;
    }

    public Detection detect(Frame frame) {
        long started = System.nanoTime();
        Optional<FourCorners> outline = manualOutline.get();
        if (table == null || ++framesSinceLearnt >= tableRefreshFrames || !outline.equals(appliedOutline)) {
            learnTable(frame, outline);
        }
        List<BallDetection> balls = table == null ? List.of() : detector.detect(frame.image(), table, cloth);
        CueDetection cue = table == null ? null
                : cueDetector.detect(frame.image(), table, cloth, balls, detector::nonClothWithin).orElse(null);
        double millis = (System.nanoTime() - started) / 1e6;
        return new Detection(frame.sequence(), frame.capturedAtUs(), table, balls, cue, millis);
    }

    private void learnTable(Frame frame, Optional<FourCorners> outline) {
        framesSinceLearnt = 0;
        appliedOutline = outline;
        Optional<ClothModel> learnt = ClothModel.learn(frame.image());
        Optional<TableView> found = outline.isPresent()
                ? learnt.map(model -> TableView.fromOutline(spec, outline.get(), frame.width(), frame.height()))
                : learnt.flatMap(model -> locator.locate(frame.image(), model));
        if (found.isEmpty()) {
            table = null;
            return;
        }
        cloth = learnt.get();
        if (table == null || found.get().cornerShiftFrom(table) > SAME_TABLE_PX) {
            table = found.get();
        }
    }
}

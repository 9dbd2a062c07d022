package io.cuecast.vision;

import io.cuecast.table.TableSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Tells the balls of one frame what they are from the pixels of their discs. A frame's balls are
 * told together, since a set such as snooker's holds only so many of each.
 */
interface FrameClassifier {
    /**
     * @param discs    per ball, the pixels of its inner disc
     * @param ballness per ball, how much it looks like a ball by its shape and surroundings (0..1): where
     *                 a set has room for one ball of a colour, the likelier ball gets it before a
     *                 hand or a glare of the same colour
     * @return one classification per disc, in the same order
     */
    List<Classification> classify(List<BallDisc> discs, double[] ballness);

    /** {@link #classify(List, double[])} with every disc as ball-like as any. */
    default List<Classification> classify(List<BallDisc> discs) {
        double[] alike = new double[discs.size()];
        Arrays.fill(alike, 1);
        return classify(discs, alike);
    }

    /** Snooker's colours for a snooker table, pool's kinds otherwise. */
    static FrameClassifier forTable(TableSpec table) {
        if (table.isSnooker()) {
            return new SnookerClassifier();
        }
        return new BallClassifier()::classifyAll;
    }
}

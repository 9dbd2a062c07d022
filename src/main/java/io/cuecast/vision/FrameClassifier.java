package io.cuecast.vision;

import io.cuecast.table.TableSpec;
import java.util.List;

/**
 * Tells the balls of one frame what they are from the pixels of their discs. A frame's balls are
 * told together, since a set such as snooker's holds only so many of each.
 */
interface FrameClassifier {
    /**
     * @param discsHsv per ball, the HSV pixels (OpenCV scale: hue 0-179) of its inner disc, packed as
     *                 H,S,V triples
     * @return one classification per disc, in the same order
     */
    List<Classification> classify(List<byte[]> discsHsv);

    /** Snooker's colours for a snooker table, pool's kinds otherwise. */
    static FrameClassifier forTable(TableSpec table) {
        if (table.isSnooker()) {
            return new SnookerClassifier();
        }
        BallClassifier pool = new BallClassifier();
        return discs -> discs.stream().map(pool::classify).toList();
    }
}

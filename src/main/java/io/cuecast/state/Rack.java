package io.cuecast.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A rack on the table: {@value #MIN_BALLS} or more resting balls, each touching another, in one cluster. */
public final class Rack {
    /** Fewer packed balls than this are a cluster left by play, not a rack. */
    public static final int MIN_BALLS = 10;

    private Rack() {
    }

    /** The ids of the largest cluster of resting balls, each within a touch (and noise) of another, in id order. */
    private static List<Integer> largestPackedCluster(List<TrackedBall> balls, double ballDiameterMm) {
        double touching = 1.15 * ballDiameterMm;
        Set<Integer> seen = new HashSet<>();
        List<Integer> largest = List.of();
        for (int start = 0; start < balls.size(); start++) {
            if (seen.contains(start) || balls.get(start).moving()) {
                continue;
            }
            List<Integer> cluster = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            seen.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                cluster.add(balls.get(i).id());
                for (int k = 0; k < balls.size(); k++) {
                    TrackedBall a = balls.get(i);
                    TrackedBall b = balls.get(k);
                    if (!seen.contains(k) && !b.moving() && a.distanceMm(b) <= touching) {
                        seen.add(k);
                        queue.add(k);
                    }
                }
            }
            if (cluster.size() > largest.size()) {
                largest = cluster;
            }
        }
        return largest.stream().sorted().toList();
    }

    /** The rack's ball ids, or an empty list when no rack stands on the table. */
    public static List<Integer> on(List<TrackedBall> balls, double ballDiameterMm) {
        List<Integer> cluster = largestPackedCluster(balls, ballDiameterMm);
        return cluster.size() >= MIN_BALLS ? cluster : List.of();
    }
}

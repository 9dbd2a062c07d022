package io.cuecast.vision.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Box detection scoring as the Padova billiards benchmark does it: a detection is a hit when its
 * box overlaps a not-yet-taken label by IoU at least 0.5; detections are taken in falling confidence;
 * average precision is PASCAL VOC's 11-point interpolation. Unlike the course, which scores each
 * frame alone and averages, detections here are pooled over all frames of a group before ranking
 * (the usual VOC way), so that a frame with one cue ball does not weigh as much as all the others;
 * and detections of equal confidence count as one step of the ranking (see averagePrecision).
 */
public final class BoxScoring {
    public static final double IOU_THRESHOLD = 0.5;

    private BoxScoring() {
    }

    /** An axis-aligned box, top-left corner and size, in pixels. */
    public record Box(double x, double y, double w, double h) {
        public static Box around(double cx, double cy, double radius) {
            return new Box(cx - radius, cy - radius, 2 * radius, 2 * radius);
        }

        public boolean containsCentreOf(Box other) {
            double cx = other.x + other.w / 2;
            double cy = other.y + other.h / 2;
            return cx >= x && cx <= x + w && cy >= y && cy <= y + h;
        }

        public double iou(Box other) {
            double iw = Math.max(0, Math.min(x + w, other.x + other.w) - Math.max(x, other.x));
            double ih = Math.max(0, Math.min(y + h, other.y + other.h) - Math.max(y, other.y));
            double intersection = iw * ih;
            return intersection / (w * h + other.w * other.h - intersection);
        }
    }

    /** A box with its ball class (1 cue, 2 eight, 3 solid, 4 stripe; 0 for a detection of no class). */
    public record Labelled(Box box, int ballClass) {
    }

    public record Scored(Box box, int ballClass, double confidence) {
    }

    /**
     * Which label each detection took (-1: none) and which labels were found, indexed as the lists
     * given.
     */
    public record Matching(int[] labelOf, boolean[] found) {
        public boolean hit(int detection) {
            return labelOf[detection] >= 0;
        }

        public int hits() {
            return (int) Arrays.stream(labelOf).filter(l -> l >= 0).count();
        }
    }

    /** Greedy matching in one image, classes ignored (filter the lists first to score one class). */
    public static Matching match(List<Labelled> truth, List<Scored> detections) {
        int[] labelOf = new int[detections.size()];
        boolean[] found = new boolean[truth.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> detections.get(i).confidence()).reversed());
        for (int d : order) {
            int best = -1;
            double bestIou = IOU_THRESHOLD;
            for (int t = 0; t < truth.size(); t++) {
                double iou = detections.get(d).box().iou(truth.get(t).box());
                if (!found[t] && iou >= bestIou) {
                    best = t;
                    bestIou = iou;
                }
            }
            labelOf[d] = best;
            if (best >= 0) {
                found[best] = true;
            }
        }
        return new Matching(labelOf, found);
    }

    /** One image's labels and detections. */
    public record Image(List<Labelled> truth, List<Scored> detections) {
        public Image ofClass(int ballClass) {
            return new Image(truth.stream().filter(l -> l.ballClass() == ballClass).toList(),
                    detections.stream().filter(s -> s.ballClass() == ballClass).toList());
        }
    }

    /** AP of one class over a group of images; NaN when the group has no label of that class. */
    public static double averagePrecision(List<Image> images, int ballClass) {
        List<double[]> ranked = new ArrayList<>(); // {confidence, 1 if hit}
        int labels = 0;
        for (Image image : images) {
            Image own = image.ofClass(ballClass);
            Matching matching = match(own.truth(), own.detections());
            for (int d = 0; d < own.detections().size(); d++) {
                ranked.add(new double[] {own.detections().get(d).confidence(), matching.hit(d) ? 1 : 0});
            }
            labels += own.truth().size();
        }
        if (labels == 0) {
            return Double.NaN;
        }
        ranked.sort(Comparator.comparingDouble((double[] r) -> r[0]).reversed());
        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        int hits = 0;
        for (int k = 0; k < ranked.size(); k++) {
            hits += (int) ranked.get(k)[1];
            // Detections of equal confidence are not ranked against each other (the classifier gives
            // many a confidence of exactly 1): the curve has a point only after the whole tie, so the
            // score does not depend on the order they happen to be listed in.
            boolean endOfTie = k + 1 == ranked.size() || ranked.get(k + 1)[0] != ranked.get(k)[0];
            if (endOfTie) {
                precision.add((double) hits / (k + 1));
                recall.add((double) hits / labels);
            }
        }
        return elevenPointAverage(precision, recall);
    }

    /** The mean, over recall levels 0, 0.1 .. 1, of the best precision reached at that recall or beyond. */
    public static double elevenPointAverage(List<Double> precision, List<Double> recall) {
        double sum = 0;
        for (int level = 0; level <= 10; level++) {
            double best = 0;
            for (int k = 0; k < precision.size(); k++) {
                if (recall.get(k) >= level / 10.0 - 1e-9) {
                    best = Math.max(best, precision.get(k));
                }
            }
            sum += best;
        }
        return sum / 11;
    }
}

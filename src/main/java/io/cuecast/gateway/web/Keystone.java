package io.cuecast.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projector's keystone calibration: where the table's four corners (top-left, top-right,
 * bottom-right, bottom-left of the playing area, as {@code state} names them) fall on the
 * projector's screen, as fractions of its width and height, so that it holds for any resolution.
 */
public record Keystone(List<Corner> corners) {
    /** A point on the screen: 0,0 its top-left, 1,1 its bottom-right; a little beyond is allowed. */
    public record Corner(double x, double y) {
    }

    /** Before any calibration: the table fills the screen. */
    public static final Keystone FULL_SCREEN = new Keystone(List.of(
            new Corner(0, 0), new Corner(1, 0), new Corner(1, 1), new Corner(0, 1)));

    private static final String SHAPE = "the body must be {\"corners\": [four {\"x\", \"y\"}: the table's top-left,"
            + " top-right, bottom-right and bottom-left corners as fractions of the screen]}";
    private static final double MIN = -1;
    private static final double MAX = 2;

    /** Reads and checks a calibration; an {@link IllegalArgumentException} says what is wrong. */
    public static Keystone parse(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("corners").isArray()) {
            throw new IllegalArgumentException(SHAPE);
        }
        JsonNode corners = body.path("corners");
        if (corners.size() != 4) {
            throw new IllegalArgumentException("corners must hold exactly 4 points, not " + corners.size() + "; " + SHAPE);
        }
        List<Corner> read = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            read.add(new Corner(coordinate(corners.get(i), i, "x"), coordinate(corners.get(i), i, "y")));
        }
        Keystone keystone = new Keystone(List.copyOf(read));
        keystone.requireConvex();
        return keystone;
    }

    private static double coordinate(JsonNode corner, int index, String axis) {
        JsonNode value = corner.path(axis);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("corners[" + index + "]." + axis + " must be a number, not "
                    + (value.isMissingNode() ? "missing" : value.toString()));
        }
        double number = value.asDouble();
        if (!(number >= MIN && number <= MAX)) {
            throw new IllegalArgumentException("corners[" + index + "]." + axis + " must be between " + MIN + " and " + MAX
                    + " (a fraction of the screen's " + (axis.equals("x") ? "width" : "height") + "), not " + number);
        }
        return number;
    }

    /** Corners that cross or fold would turn the table inside out on the screen. */
    private void requireConvex() {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            Corner a = corners.get(i);
            Corner b = corners.get((i + 1) % 4);
            Corner c = corners.get((i + 2) % 4);
            double turn = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
            int turnSign = Math.abs(turn) < 1e-6 ? 0 : (int) Math.signum(turn);
            if (turnSign == 0 || (sign != 0 && turnSign != sign)) {
                throw new IllegalArgumentException("the corners must make a convex four-sided outline in the order top-left,"
                        + " top-right, bottom-right, bottom-left; corner " + ((i + 1) % 4) + " folds or crosses it");
            }
            sign = turnSign;
        }
    }

    public Map<String, Object> toJson() {
        return Map.of("corners", corners.stream().map(corner -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("x", corner.x());
            point.put("y", corner.y());
            return point;
        }).toList());
    }
}

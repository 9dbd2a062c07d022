package io.cuecast.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the table's four corners (top-left, top-right, bottom-right, bottom-left of the playing
 * area, as {@code state} names them) fall on a surface, as fractions of its width and height, so
 * that they hold at any resolution: on the projector's screen (its keystone calibration), or in the
 * camera's image (the table's outline, set by hand).
 */
public record FourCorners(List<Corner> corners) {
    /** A point on the surface: 0,0 its top-left, 1,1 its bottom-right. */
    public record Corner(double x, double y) {
    }

    /** Where the corners may lie, and what the surface is called in errors. */
    public enum Surface {
        /** A projector's picture may reach a little beyond the table. */
        SCREEN(-1, 2, "screen"),
        CAMERA_IMAGE(0, 1, "camera image");

        private final double min;
        private final double max;
        private final String name;

        Surface(double min, double max, String name) {
            this.min = min;
            this.max = max;
            this.name = name;
        }
    }

    /** The whole surface. */
    public static final FourCorners WHOLE = new FourCorners(List.of(
            new Corner(0, 0), new Corner(1, 0), new Corner(1, 1), new Corner(0, 1)));

    /** Reads and checks corners; an {@link IllegalArgumentException} says what is wrong. */
    public static FourCorners parse(JsonNode body, Surface surface) {
        String shape = "the body must be {\"corners\": [four {\"x\", \"y\"}: the table's top-left, top-right,"
                + " bottom-right and bottom-left corners as fractions of the " + surface.name + "]}";
        if (body == null || !body.isObject() || !body.path("corners").isArray()) {
            throw new IllegalArgumentException(shape);
        }
        JsonNode corners = body.path("corners");
        if (corners.size() != 4) {
            throw new IllegalArgumentException("corners must hold exactly 4 points, not " + corners.size() + "; " + shape);
        }
        List<Corner> read = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            read.add(new Corner(coordinate(corners.get(i), i, "x", surface), coordinate(corners.get(i), i, "y", surface)));
        }
        FourCorners parsed = new FourCorners(List.copyOf(read));
        parsed.requireConvex();
        return parsed;
    }

    private static double coordinate(JsonNode corner, int index, String axis, Surface surface) {
        JsonNode value = corner.path(axis);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("corners[" + index + "]." + axis + " must be a number, not "
                    + (value.isMissingNode() ? "missing" : value.toString()));
        }
        double number = value.asDouble();
        if (!(number >= surface.min && number <= surface.max)) {
            throw new IllegalArgumentException("corners[" + index + "]." + axis + " must be between " + surface.min + " and "
                    + surface.max + " (a fraction of the " + surface.name + "'s " + (axis.equals("x") ? "width" : "height")
                    + "), not " + number);
        }
        return number;
    }

    /** Corners that cross or fold would turn the table inside out. */
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

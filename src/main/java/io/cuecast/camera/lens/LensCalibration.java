package io.cuecast.camera.lens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A camera's intrinsics and lens distortion, as solved for images of {@code width} x {@code height}
 * pixels: the pinhole camera matrix [fx 0 cx; 0 fy cy; 0 0 1] and OpenCV's distortion coefficients
 * (k1, k2, p1, p2[, k3[, k4, k5, k6]]).
 *
 * <p>Its JSON file ({@link #toJson()}, {@link #read(Path)}) carries {@code image_size},
 * {@code camera_matrix}, {@code distortion} and {@code rms_reprojection_error_px}; the
 * {@code calibrate-lens} command adds how it was solved, which reading ignores.
 */
public record LensCalibration(int width, int height, double fx, double fy, double cx, double cy,
                              double[] distortion, double rmsPx) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LensCalibration {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the image size must be positive, not " + width + "x" + height);
        }
        if (!(fx > 0) || !(fy > 0) || !Double.isFinite(cx) || !Double.isFinite(cy)) {
            throw new IllegalArgumentException("the camera matrix needs positive focal lengths and a finite centre");
        }
        if (!(distortion.length == 4 || distortion.length == 5 || distortion.length == 8)
                || !Arrays.stream(distortion).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("the distortion must be 4, 5 or 8 finite numbers"
                    + " (k1, k2, p1, p2[, k3[, k4, k5, k6]]), not " + Arrays.toString(distortion));
        }
        distortion = distortion.clone();
    }

    /** Reads a calibration file; IllegalArgumentException saying what is wrong with it. */
    public static LensCalibration read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read lens calibration '" + file + "': " + e.getMessage(), e);
        }
        try {
            JsonNode size = required(root, "image_size");
            JsonNode matrix = required(root, "camera_matrix");
            return new LensCalibration(size.path("width").asInt(0), size.path("height").asInt(0),
                    matrix.path(0).path(0).asDouble(Double.NaN), matrix.path(1).path(1).asDouble(Double.NaN),
                    matrix.path(0).path(2).asDouble(Double.NaN), matrix.path(1).path(2).asDouble(Double.NaN),
                    numbers(required(root, "distortion")), root.path("rms_reprojection_error_px").asDouble(Double.NaN));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lens calibration '" + file + "' is not usable: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root == null ? null : root.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("it has no '" + field + "'");
        }
        return node;
    }

    static double[] numbers(JsonNode array) {
        JsonNode flat = array.size() == 1 && array.get(0).isArray() ? array.get(0) : array;
        double[] values = new double[flat.size()];
        for (int i = 0; i < values.length; i++) {
            if (!flat.get(i).isNumber()) {
                throw new IllegalArgumentException("'" + flat.get(i) + "' is not a number");
            }
            values[i] = flat.get(i).asDouble();
        }
        return values;
    }

    /** A new, empty JSON object of the kind {@link #format} writes. */
    static ObjectNode emptyJson() {
        return JSON.createObjectNode();
    }

    /** The JSON object, to which callers may add fields before writing it. */
    public ObjectNode toJson() {
        ObjectNode root = emptyJson();
        root.putObject("image_size").put("width", width).put("height", height);
        ArrayNode matrix = root.putArray("camera_matrix");
        matrix.addArray().add(fx).add(0.0).add(cx);
        matrix.addArray().add(0.0).add(fy).add(cy);
        matrix.addArray().add(0.0).add(0.0).add(1.0);
        ArrayNode coefficients = root.putArray("distortion");
        Arrays.stream(distortion).forEach(coefficients::add);
        root.put("rms_reprojection_error_px", rmsPx);
        return root;
    }

    public static String format(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same lens seen at another resolution of the same sensor (a camera scaling its full frame
     * down): the matrix scales with the image. IllegalArgumentException when the aspect ratio
     * differs, as then the camera crops and the calibration says nothing about the crop.
     */
    public LensCalibration scaledTo(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        double sx = (double) newWidth / width;
        double sy = (double) newHeight / height;
        if (Math.abs(sx / sy - 1) > 0.01) {
            throw new IllegalArgumentException("the lens calibration was solved on " + width + "x" + height
                    + " images and cannot be used for " + newWidth + "x" + newHeight
                    + " frames (another aspect ratio): calibrate at this size");
        }
        return new LensCalibration(newWidth, newHeight, fx * sx, fy * sy, (cx + 0.5) * sx - 0.5, (cy + 0.5) * sy - 0.5,
                distortion, rmsPx * sx);
    }

    /** The camera matrix as a new 3x3 CV_64F Mat (the caller releases it). */
    public Mat cameraMatrix() {
        Mat matrix = Mat.zeros(3, 3, CvType.CV_64F);
        matrix.put(0, 0, fx, 0, cx, 0, fy, cy, 0, 0, 1);
        return matrix;
    }

    /** The distortion coefficients as a new 1xN CV_64F Mat (the caller releases it). */
    public Mat distortionCoefficients() {
        Mat coefficients = new Mat(1, distortion.length, CvType.CV_64F);
        coefficients.put(0, 0, distortion);
        return coefficients;
    }

    @Override
    public double[] distortion() {
        return distortion.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%dx%d fx %.2f fy %.2f cx %.2f cy %.2f distortion %s rms %.3f px",
                width, height, fx, fy, cx, cy, Arrays.toString(distortion), rmsPx);
    }
}

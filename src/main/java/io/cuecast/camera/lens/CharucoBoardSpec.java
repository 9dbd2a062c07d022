package io.cuecast.camera.lens;

import io.cuecast.camera.OpenCvNatives;
import org.opencv.core.Size;
import org.opencv.objdetect.CharucoBoard;
import org.opencv.objdetect.Objdetect;

/**
 * A printed ChArUco board: squares across and down, their size, the ArUco markers' size and
 * dictionary. Sizes are in millimetres, so the solved board poses are too.
 *
 * @param legacyPattern the board as OpenCV drew it before 4.6 (on even row counts the first
 *                      square holds a marker); boards printed from newer tools are not legacy
 */
public record CharucoBoardSpec(int columns, int rows, double squareMm, double markerMm, String dictionary,
                               boolean legacyPattern) {

    public CharucoBoardSpec {
        if (columns < 2 || rows < 2) {
            throw new IllegalArgumentException("a ChArUco board needs at least 2x2 squares, not " + columns + "x" + rows);
        }
        if (!(squareMm > 0) || !(markerMm > 0) || markerMm >= squareMm) {
            throw new IllegalArgumentException("the marker (" + markerMm + " mm) must be smaller than the square ("
                    + squareMm + " mm), and both above 0");
        }
        dictionaryId(dictionary);
    }

    /** Parses {@code COLUMNSxROWS}, e.g. {@code 6x8}: squares across, squares down. */
    public static int[] parseGrid(String grid) {
        String[] parts = grid.toLowerCase().split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("the board must be COLUMNSxROWS in squares, e.g. 6x8, not '" + grid + "'");
    }

    /** OpenCV's predefined dictionary of that name, e.g. DICT_4X4_50. */
    static int dictionaryId(String name) {
        if (name != null && name.matches("DICT_[A-Z0-9_]+")) {
            try {
                return Objdetect.class.getField(name).getInt(null);
            } catch (NoSuchFieldException | IllegalAccessException ignored) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of OpenCV's ArUco dictionaries"
                + " (DICT_4X4_50, DICT_5X5_100, DICT_6X6_250, DICT_ARUCO_ORIGINAL, ...)");
    }

    public CharucoBoard create() {
        OpenCvNatives.load();
        CharucoBoard board = new CharucoBoard(new Size(columns, rows), (float) squareMm, (float) markerMm,
                Objdetect.getPredefinedDictionary(dictionaryId(dictionary)));
        board.setLegacyPattern(legacyPattern);
        return board;
    }
}

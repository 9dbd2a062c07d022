package io.cuecast.camera.sim;

/**
 * Where the cue stick really was in a simulated frame. For tests only (see {@link GroundTruthFrame}).
 *
 * @param tipXMm   tip, table millimetres
 * @param tipYMm   tip, table millimetres
 * @param tipXPx   tip, pixels
 * @param tipYPx   tip, pixels
 * @param angleRad direction the stick points, from butt to tip; the same in table and pixel
 *                 coordinates, since both have y down and the layout scales both axes alike
 */
public record GroundTruthCue(double tipXMm, double tipYMm, double tipXPx, double tipYPx, double angleRad) {
}

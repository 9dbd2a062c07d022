package io.cuecast.vision;

/**
 * The cue stick found in one frame: its visible line, from the butt end seen on the cloth to the tip.
 *
 * @param tipPx         tip, image pixels
 * @param tipPy         tip, image pixels
 * @param tipXMm        tip on the table, millimetres
 * @param tipYMm        tip on the table, millimetres
 * @param buttPx        the far end of the stick's visible part on the cloth, or over the rail where it
 *                      was followed there, image pixels
 * @param buttPy        the far end of the stick's visible part, image pixels
 * @param angleDeg      direction from butt to tip in the image, degrees in (-180, 180], y down (so
 *                      positive turns clockwise on screen)
 * @param tableAngleDeg the same direction in table coordinates (see {@link TableView})
 * @param confidence    0..1: how much of a long, straight, stick-wide line was seen
 */
public record CueDetection(double tipPx, double tipPy, double tipXMm, double tipYMm, double buttPx, double buttPy,
                           double angleDeg, double tableAngleDeg, double confidence) {
}

package io.cuecast.vision;

import io.cuecast.table.BallType;

/**
 * One ball found in one frame.
 *
 * @param px          centre, image pixels (sub-pixel)
 * @param py          centre, image pixels (sub-pixel)
 * @param xMm         centre on the table, millimetres
 * @param yMm         centre on the table, millimetres
 * @param radiusPx    the radius the detector looked for
 * @param number      the ball's number when its colour tells it, else null
 * @param confidence  0..1: how sure the detector is that this is a ball of this type
 */
public record BallDetection(double px, double py, double xMm, double yMm, double radiusPx,
                            BallType type, Integer number, double confidence) {
}

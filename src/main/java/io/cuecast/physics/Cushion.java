package io.cuecast.physics;

/** The four cushions, named as the camera sees the table (long side horizontal). */
public enum Cushion {
    TOP, BOTTOM, LEFT, RIGHT
}

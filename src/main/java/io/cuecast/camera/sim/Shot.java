package io.cuecast.camera.sim;

/** A planned strike: the direction the cue ball is sent (table radians) and how fast. */
record Shot(double angleRad, double speedMmPerS) {
}

package io.cuecast.physics;

/** Plane geometry on the engine's hot paths. */
final class Planar {
    private Planar() {
    }

    /**
     * The length of (dx, dy). {@link Math#hypot} guards against overflow and underflow that table
     * millimetres never come near, and costs some twenty times as much: it was a sixth of a
     * prediction's time.
     */
    static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }
}

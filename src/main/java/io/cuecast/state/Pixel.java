package io.cuecast.state;

/** A point of the camera image, in pixels (of the undistorted image when a lens is calibrated). */
public record Pixel(double x, double y) {
}

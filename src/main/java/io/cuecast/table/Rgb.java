package io.cuecast.table;

/** An sRGB colour, 0-255 per channel. */
public record Rgb(int r, int g, int b) {
    public Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
            throw new IllegalArgumentException("RGB channels must be 0-255: " + r + "," + g + "," + b);
        }
    }
}

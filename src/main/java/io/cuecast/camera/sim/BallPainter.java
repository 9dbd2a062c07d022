package io.cuecast.camera.sim;

import io.cuecast.table.BallType;
import io.cuecast.table.PoolBall;
import io.cuecast.table.Rgb;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Paints balls and their shadows into a frame, pixel by pixel in each ball's small patch.
 *
 * <p>For each sample in a ball's disc the visible surface normal is turned into the ball's own frame
 * (through its rolling orientation) to look up the material: two white spots with black numbers at
 * the body's ±z poles, a coloured band round the equator on stripes, the ball colour elsewhere. The
 * sample is then shaded with Lambert diffuse light plus a specular highlight from one overhead light.
 * Each pixel averages a few samples, which anti-aliases the rim, the spots and the band edges.
 */
final class BallPainter {
    /** Samples per pixel along each axis. */
    private static final int SUPERSAMPLING = 3;
    /** Angular radius of the number spots, and half the height of a stripe's band (as a z extent). */
    private static final double SPOT_ANGLE_RAD = 0.44;
    private static final double BAND_HALF_HEIGHT = 0.5;
    private static final double COS_SPOT = Math.cos(SPOT_ANGLE_RAD);
    private static final double SIN_SPOT = Math.sin(SPOT_ANGLE_RAD);
    private static final Rgb INK = new Rgb(22, 22, 24);

    /** Towards the light: above the table (-z), a little up and to the left in the picture. */
    private static final double[] LIGHT = normalised(-0.3, -0.4, -1);
    /** Halfway between the light and the camera (straight up, -z), for the specular highlight. */
    private static final double[] HALFWAY = normalised(LIGHT[0], LIGHT[1], LIGHT[2] - 1);
    private static final double AMBIENT = 0.32;
    private static final double DIFFUSE = 0.78;
    private static final double SPECULAR = 0.75;

    /** How dark the middle of a shadow is: light, so the cloth under it stays clearly cloth. */
    private static final double SHADOW_DARKNESS = 0.32;
    private static final double SHADOW_CORE = 0.7;
    private static final double SHADOW_EDGE = 1.5;

    private final double radius;
    private final NumberGlyphs glyphs;
    private final double[] samples;

    BallPainter(double radiusPx, NumberGlyphs glyphs) {
        this.radius = radiusPx;
        this.glyphs = glyphs;
        this.samples = new double[SUPERSAMPLING];
        for (int i = 0; i < SUPERSAMPLING; i++) {
            samples[i] = (i + 0.5) / SUPERSAMPLING - 0.5;
        }
    }

    /** Darkens the cloth where the ball centred at pixel (cx, cy) throws its soft shadow. */
    void paintShadow(Mat frame, double cx, double cy) {
        // The shadow falls away from the light, by as much as the ball's centre is above the cloth.
        double sx = cx - LIGHT[0] / -LIGHT[2] * radius;
        double sy = cy - LIGHT[1] / -LIGHT[2] * radius;
        Rect area = patchAround(frame, sx, sy, radius * SHADOW_EDGE);
        if (area == null) {
            return;
        }
        byte[] pixels = read(frame, area);
        for (int y = 0; y < area.height; y++) {
            for (int x = 0; x < area.width; x++) {
                double d = Math.hypot(area.x + x - sx, area.y + y - sy) / radius;
                if (d >= SHADOW_EDGE) {
                    continue;
                }
                double t = Math.min(1, Math.max(0, (d - SHADOW_CORE) / (SHADOW_EDGE - SHADOW_CORE)));
                double keep = 1 - SHADOW_DARKNESS * (1 - t * t * (3 - 2 * t));
                int i = (y * area.width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    pixels[i + c] = (byte) Math.round((pixels[i + c] & 0xff) * keep);
                }
            }
        }
        write(frame, area, pixels);
    }

    /** Paints {@code ball} with its centre at pixel (cx, cy). */
    void paintBall(Mat frame, BallState ball, double cx, double cy) {
        Rect area = patchAround(frame, cx, cy, radius + 1);
        if (area == null) {
            return;
        }
        Look look = new Look(ball.ball(), ball.orientation().toMatrix());
        byte[] pixels = read(frame, area);
        double[] sum = new double[3];
        double[] rgb = new double[3];
        int sampleCount = SUPERSAMPLING * SUPERSAMPLING;
        for (int y = 0; y < area.height; y++) {
            for (int x = 0; x < area.width; x++) {
                sum[0] = sum[1] = sum[2] = 0;
                int hits = 0;
                for (double oy : samples) {
                    double ny = (area.y + y + oy - cy) / radius;
                    for (double ox : samples) {
                        double nx = (area.x + x + ox - cx) / radius;
                        double d2 = nx * nx + ny * ny;
                        if (d2 > 1) {
                            continue;
                        }
                        shade(look, nx, ny, -Math.sqrt(1 - d2), rgb);
                        sum[0] += rgb[0];
                        sum[1] += rgb[1];
                        sum[2] += rgb[2];
                        hits++;
                    }
                }
                if (hits == 0) {
                    continue;
                }
                double cover = (double) hits / sampleCount;
                int i = (y * area.width + x) * 3;
                pixels[i] = blend(pixels[i], sum[2] / hits, cover);
                pixels[i + 1] = blend(pixels[i + 1], sum[1] / hits, cover);
                pixels[i + 2] = blend(pixels[i + 2], sum[0] / hits, cover);
            }
        }
        write(frame, area, pixels);
    }

    /** Shades the surface point with camera-frame normal (nx, ny, nz) into {@code rgb}. */
    private void shade(Look look, double nx, double ny, double nz, double[] rgb) {
        double[] m = look.bodyToTable;
        // The transpose of body-to-table turns the normal into the ball's own frame.
        double bx = m[0] * nx + m[3] * ny + m[6] * nz;
        double by = m[1] * nx + m[4] * ny + m[7] * nz;
        double bz = m[2] * nx + m[5] * ny + m[8] * nz;
        Rgb albedo = look.colour;
        double ink = 0;
        if (look.hasSpots && Math.abs(bz) > COS_SPOT) {
            albedo = PoolBall.WHITE;
            // Seen from outside, the spot at -z is the mirror image of the one at +z.
            double u = (bz > 0 ? bx : -bx) / SIN_SPOT;
            ink = glyphs.inkAt(look.number, u, -by / SIN_SPOT);
        } else if (look.striped && Math.abs(bz) > BAND_HALF_HEIGHT) {
            albedo = PoolBall.WHITE;
        }
        double diffuse = Math.max(0, nx * LIGHT[0] + ny * LIGHT[1] + nz * LIGHT[2]);
        double light = AMBIENT + DIFFUSE * diffuse;
        double highlight = Math.max(0, nx * HALFWAY[0] + ny * HALFWAY[1] + nz * HALFWAY[2]);
        for (int k = 0; k < 5; k++) {
            highlight *= highlight; // ^32: a small, sharp highlight
        }
        double specular = SPECULAR * 255 * highlight;
        rgb[0] = mix(albedo.r(), INK.r(), ink) * light + specular;
        rgb[1] = mix(albedo.g(), INK.g(), ink) * light + specular;
        rgb[2] = mix(albedo.b(), INK.b(), ink) * light + specular;
    }

    /** The frame area within {@code reach} pixels of (cx, cy), or null when it lies off the frame. */
    private static Rect patchAround(Mat frame, double cx, double cy, double reach) {
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int x1 = Math.min(frame.cols() - 1, (int) Math.ceil(cx + reach));
        int y1 = Math.min(frame.rows() - 1, (int) Math.ceil(cy + reach));
        return x1 < x0 || y1 < y0 ? null : new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    private static byte[] read(Mat frame, Rect area) {
        byte[] pixels = new byte[area.width * area.height * 3];
        Mat view = frame.submat(area);
        view.get(0, 0, pixels);
        view.release();
        return pixels;
    }

    private static void write(Mat frame, Rect area, byte[] pixels) {
        Mat view = frame.submat(area);
        view.put(0, 0, pixels);
        view.release();
    }

    private static byte blend(byte background, double value, double cover) {
        double mixed = (background & 0xff) * (1 - cover) + value * cover;
        return (byte) Math.max(0, Math.min(255, Math.round(mixed)));
    }

    private static double mix(double from, double to, double t) {
        return from + (to - from) * t;
    }

    private static double[] normalised(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    /** What one ball is made of, and how it is turned, for the duration of one paint. */
    private static final class Look {
        final int number;
        final Rgb colour;
        final boolean hasSpots;
        final boolean striped;
        final double[] bodyToTable;

        Look(PoolBall ball, double[] bodyToTable) {
            this.number = ball.number();
            this.colour = ball.colour();
            this.hasSpots = ball.type() != BallType.CUE;
            this.striped = ball.type() == BallType.STRIPE;
            this.bodyToTable = bodyToTable;
        }
    }
}

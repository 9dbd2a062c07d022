package io.cuecast.vision;

import java.util.List;
import java.util.Optional;

/** The least-squares circle through points (Kåsa's algebraic fit: x² + y² + Dx + Ey + F = 0). */
final class CircleFit {
    private CircleFit() {
    }

    /** @return {centre x, centre y, radius}, or empty for fewer than 3 points or points on a line */
    static Optional<double[]> through(List<double[]> points) {
        if (points.size() < 3) {
            return Optional.empty();
        }
        // Centred on the points' mean, so that the sums stay small and the system well conditioned.
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        double sxz = 0;
        double syz = 0;
        for (double[] p : points) {
            double x = p[0] - mx;
            double y = p[1] - my;
            double z = x * x + y * y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            sxz += x * z;
            syz += y * z;
        }
        // With centred points the normal equations for D and E decouple from F.
        double det = sxx * syy - sxy * sxy;
        if (Math.abs(det) < 1e-9) {
            return Optional.empty();
        }
        double d = (-sxz * syy + syz * sxy) / det;
        double e = (-syz * sxx + sxz * sxy) / det;
        double cx = -d / 2;
        double cy = -e / 2;
        double meanZ = (sxx + syy) / points.size();
        double radius = Math.sqrt(cx * cx + cy * cy + meanZ);
        return Optional.of(new double[] {cx + mx, cy + my, radius});
    }
}

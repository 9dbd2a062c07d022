package io.cuecast.table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The playing area of a table: the cloth inside the cushion noses, in millimetres.
 *
 * <p>Table coordinates: the origin is the top-left corner of the playing area as the camera sees it,
 * x runs along the long side to the right, y runs across to the bottom. Both are millimetres.
 *
 * <p>Sizes follow the WPA equipment specifications (playing surface of a 9-foot table 100 x 50 in,
 * ball 2 1/4 in, corner mouth 4.5-5 in, side mouth 5-5.5 in) and the WPBSA's for snooker.
 */
public record TableSpec(String name, double lengthMm, double widthMm, double ballDiameterMm,
                        double cornerPocketMouthMm, double sidePocketMouthMm) {

    public static final TableSpec POOL_9FT = new TableSpec("9ft-pool", 2540, 1270, 57.15, 117, 133);
    public static final TableSpec POOL_8FT = new TableSpec("8ft-pool", 2240, 1120, 57.15, 117, 133);
    public static final TableSpec POOL_7FT = new TableSpec("7ft-pool", 1980, 990, 57.15, 117, 133);
    public static final TableSpec SNOOKER_12FT = new TableSpec("12ft-snooker", 3569, 1778, 52.5, 86, 90);

    private static final Map<String, TableSpec> NAMED = Map.of(
            POOL_9FT.name, POOL_9FT, POOL_8FT.name, POOL_8FT,
            POOL_7FT.name, POOL_7FT, SNOOKER_12FT.name, SNOOKER_12FT);

    public TableSpec {
        if (!(lengthMm > 0 && widthMm > 0 && ballDiameterMm > 0 && lengthMm >= widthMm)) {
            throw new IllegalArgumentException("table '" + name + "' needs length >= width > 0 and a ball size");
        }
    }

    /** A standard table by name: 9ft-pool, 8ft-pool, 7ft-pool or 12ft-snooker. */
    public static TableSpec named(String name) {
        TableSpec spec = NAMED.get(name.trim().toLowerCase(Locale.ROOT));
        if (spec == null) {
            throw new IllegalArgumentException("unknown table size '" + name + "'; known sizes: "
                    + NAMED.keySet().stream().sorted().toList());
        }
        return spec;
    }

    /** Whether snooker is played on it (its balls are snooker's colours): a size named "...snooker". */
    public boolean isSnooker() {
        return name.contains("snooker");
    }

    public double ballRadiusMm() {
        return ballDiameterMm / 2;
    }

    /**
     * The six pockets. Each centre sits on the cushion line (corners on the corner, sides at the
     * middle of the long rails); the capture radius is half the mouth.
     */
    public List<Pocket> pockets() {
        double cr = cornerPocketMouthMm / 2;
        double sr = sidePocketMouthMm / 2;
        double midX = lengthMm / 2;
        return List.of(
                new Pocket("top-left", 0, 0, cr),
                new Pocket("top-side", midX, 0, sr),
                new Pocket("top-right", lengthMm, 0, cr),
                new Pocket("bottom-left", 0, widthMm, cr),
                new Pocket("bottom-side", midX, widthMm, sr),
                new Pocket("bottom-right", lengthMm, widthMm, cr));
    }

    /** A pocket's centre and capture radius, in table millimetres. */
    public record Pocket(String name, double x, double y, double radiusMm) {
    }
}

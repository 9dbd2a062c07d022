package io.cuecast.table;

import java.util.List;
import java.util.Locale;

/**
 * What kind of ball a detection is, as the protocol names it: pool's kinds, then snooker's colours.
 * Which set a table uses follows its size ({@link TableSpec#isSnooker()}).
 */
public enum BallType {
    CUE, EIGHT, SOLID, STRIPE,
    WHITE, RED, YELLOW, GREEN, BROWN, BLUE, PINK, BLACK,
    UNKNOWN;

    /** Snooker's balls, the white first, then the reds and the colours in their order of value. */
    public static final List<BallType> SNOOKER = List.of(WHITE, RED, YELLOW, GREEN, BROWN, BLUE, PINK, BLACK);

    /** The lower-case name used on the wire ("cue", "eight", ..., "white", "red", ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The ball the player strikes: pool's cue ball or snooker's white. */
    public boolean isCueBall() {
        return this == CUE || this == WHITE;
    }
}

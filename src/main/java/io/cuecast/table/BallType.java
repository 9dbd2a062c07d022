package io.cuecast.table;

import java.util.Locale;

/** What kind of ball a detection is, as the protocol names it. */
public enum BallType {
    CUE, EIGHT, SOLID, STRIPE, UNKNOWN;

    /** The lower-case name used on the wire ("cue", "eight", ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.cuecast.physics;

/** Something that happened during a simulated shot, at {@code time} seconds after the strike. */
public sealed interface ShotEvent {

    double time();

    /** The ball it happened to (the first of two balls). */
    int ball();

    /** How a ball moves between events. */
    enum Motion {
        /** The cloth's friction works on a ball whose contact point slips. */
        SLIDING,
        /** Rolling without slipping, slowed by rolling resistance. */
        ROLLING,
        /** At rest on the spot but still turning about the vertical axis. */
        SPINNING,
        STOPPED
    }

    /** Two balls hit; (x, y) is the point where they touch. */
    record BallCollision(double time, int ball, int otherBall, double x, double y) implements ShotEvent {
    }

    /** A ball hit a cushion ("top", "left", ...) or a pocket's jaw ("top-left jaw"); (x, y) is the contact. */
    record CushionCollision(double time, int ball, String cushion, double x, double y) implements ShotEvent {
    }

    /** A ball dropped into a pocket; (x, y) is its centre as it fell. */
    record PocketEntry(double time, int ball, String pocket, double x, double y) implements ShotEvent {
    }

    /** A ball changed how it moves (sliding to rolling, rolling to stopped...) at (x, y). */
    record MotionChange(double time, int ball, Motion from, Motion to, double x, double y) implements ShotEvent {
    }
}

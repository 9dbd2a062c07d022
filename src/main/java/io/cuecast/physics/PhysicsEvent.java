package io.cuecast.physics;

/** Something that happened on the table during a physics step. */
public sealed interface PhysicsEvent {

    /** Two balls hit; {@code closingSpeed} is how fast they approached along their line of centres. */
    record BallCollision(int ball, int otherBall, double closingSpeedMmPerS) implements PhysicsEvent {
    }

    /** A ball bounced off a cushion; {@code speedIntoCushion} is its speed normal to the cushion. */
    record CushionContact(int ball, Cushion cushion, double speedIntoCushionMmPerS) implements PhysicsEvent {
    }

    /** A ball's centre came within a pocket's capture radius and it dropped; it is now out of play. */
    record BallPocketed(int ball, String pocket) implements PhysicsEvent {
    }
}

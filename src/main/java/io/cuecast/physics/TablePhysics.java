package io.cuecast.physics;

import java.util.List;

/**
 * Moves balls over time. The simulator only talks to this interface, so that a better engine (for
 * example an event-based one) can replace {@link SteppedTablePhysics} without touching it.
 */
public interface TablePhysics {

    /**
     * Advances the balls by {@code dtSeconds}: moves them, collides them with each other and the
     * cushions and drops them into pockets. Pocketed balls are left out.
     *
     * @return what happened, in the order it happened
     */
    List<PhysicsEvent> step(List<BallBody> balls, double dtSeconds);
}

package io.cuecast.camera.sim;

import java.util.List;
import java.util.Optional;

/**
 * Everything the camera would see at one instant.
 *
 * @param timeSeconds simulated time since the simulator started
 * @param balls       the balls in play (pocketed ones are gone), in number order
 * @param cue         the cue stick, while a player is over the table with it
 */
public record TableState(double timeSeconds, List<BallState> balls, Optional<CueStick> cue) {
    public TableState {
        balls = List.copyOf(balls);
    }
}

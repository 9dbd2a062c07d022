package io.cuecast.physics.prediction;

import io.cuecast.state.TableState;

/**
 * A table state and the shot its cue aims, as the prediction route carries them.
 *
 * @param shot the shot, or null when there is none to predict (no cue, no ball on its line, balls moving)
 */
public record AimedState(TableState state, ShotEstimate shot) {

    public boolean aimed() {
        return shot != null;
    }
}

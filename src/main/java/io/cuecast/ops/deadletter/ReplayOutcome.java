package io.cuecast.ops.deadletter;

/**
 * What a replay did.
 *
 * @param result  replayed (went through), failed (dead-lettered again: attempts + 1), or refused
 *                (not replayable: unknown id, not pending, or its route is gone)
 * @param letter  the letter afterwards; null for an unknown id
 * @param reason  why it failed or was refused; null when replayed
 */
public record ReplayOutcome(Result result, String id, DeadLetter letter, String reason) {

    public enum Result { REPLAYED, FAILED, REFUSED, NOT_FOUND }
}

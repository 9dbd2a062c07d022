package io.cuecast.ops.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message that could not go through its route, kept with everything needed to understand it and
 * to put it back.
 *
 * @param id          unique, assigned by the store
 * @param time        when it was first dead-lettered
 * @param updated     when it last changed (a failed replay, a replay, a purge)
 * @param route       the route (stage) that failed
 * @param replayRoute the route a replay sends the message into: where the message entered the
 *                    pipeline, whose original message {@code body} is
 * @param endpoint    the failing endpoint, for operators (may be null)
 * @param body        the original message (may be empty when the message had none)
 * @param headers     the headers that matter for a replay (strings, numbers, booleans)
 * @param failure     why it failed, the last time it did
 * @param attempts    how many times it has failed: 1 when first dead-lettered, one more per failed replay
 */
public record DeadLetter(String id, Instant time, Instant updated, String route, String replayRoute,
                         String endpoint, MessageBody body, Map<String, Object> headers, Failure failure,
                         int attempts, DeadLetterStatus status) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(status, "status");
        headers = Map.copyOf(headers);
    }

    /**
     * The cause of a failure.
     *
     * @param exceptionClass the fully qualified class of the exception caught
     * @param message        its message (may be null)
     * @param stack          a summary: the first frames and the chain of causes
     */
    public record Failure(String exceptionClass, String message, List<String> stack) {
        public Failure {
            Objects.requireNonNull(exceptionClass, "exceptionClass");
            stack = List.copyOf(stack);
        }

        private static final int FRAMES_KEPT = 8;
        private static final int CAUSES_KEPT = 10;

        public static Failure of(Throwable error) {
            List<String> stack = new ArrayList<>();
            StackTraceElement[] frames = error.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES_KEPT, frames.length); i++) {
                stack.add("at " + frames[i]);
            }
            Throwable cause = error.getCause();
            for (int i = 0; cause != null && i < CAUSES_KEPT; i++, cause = cause.getCause()) {
                stack.add("caused by " + cause.getClass().getName() + ": " + cause.getMessage());
            }
            return new Failure(error.getClass().getName(), error.getMessage(), stack);
        }
    }

    /** This letter failed once more (a replay that failed): attempts + 1, the new cause, still pending. */
    public DeadLetter failedAgain(Failure cause, Instant at) {
        return new DeadLetter(id, time, at, route, replayRoute, endpoint, body, headers, cause, attempts + 1,
                DeadLetterStatus.PENDING);
    }

    public DeadLetter withStatus(DeadLetterStatus newStatus, Instant at) {
        return new DeadLetter(id, time, at, route, replayRoute, endpoint, body, headers, failure, attempts, newStatus);
    }

    /** The same letter without its body, for listings that must not hold every body in memory. */
    DeadLetter withoutBody() {
        return body.isEmpty() ? this : new DeadLetter(id, time, updated, route, replayRoute, endpoint,
                MessageBody.summaryOf(body), headers, failure, attempts, status);
    }
}

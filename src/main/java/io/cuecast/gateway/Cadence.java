package io.cuecast.gateway;

import java.time.Instant;
import java.util.Optional;

/**
 * The timing of one {@link FilterGroup}: max_fps by conflation, min_fps by repetition. Under
 * max_fps a message inside the interval is not dropped but held as the group's pending one,
 * replacing any older pending one, and sent when the interval ends (trailing edge): a client always
 * ends up with the newest value. Under min_fps the last message sent goes out again, marked as a
 * repeat, whenever the stream has been quieter than that.
 *
 * <p>Not thread-safe: used under the stream's lock. Kept across registry snapshots while the group
 * has members, so the interval runs on when clients come and go.
 *
 * @param <M> what is held: a message with its sequence
 */
final class Cadence<M> {

    /** Zero without max_fps. */
    private final long minGapNanos;
    /** Zero without min_fps. */
    private final long repeatGapNanos;
    private Instant lastSentAt;
    private M lastSent;
    private M pending;
    private boolean primed;

    Cadence(Double maxFps, Double minFps) {
        this.minGapNanos = maxFps == null ? 0 : (long) (1e9 / maxFps);
        this.repeatGapNanos = minFps == null ? 0 : (long) (1e9 / minFps);
    }

    /** Whether a filter needs one at all. */
    static boolean needed(StreamFilter filter) {
        return filter.maxFps() != null || filter.minFps() != null;
    }

    /**
     * A message for the group at {@code now}: true to send it now (then call {@link #sent}); false
     * when it is held back until {@link #duePending}.
     */
    boolean sendNow(M message, Instant now) {
        if (minGapNanos == 0 || lastSentAt == null || !now.isBefore(lastSentAt.plusNanos(minGapNanos))) {
            return true;
        }
        pending = message;
        return false;
    }

    /** The message went out at {@code now}: any pending one is older, so it is dropped. */
    void sent(M message, Instant now) {
        lastSentAt = now;
        lastSent = message;
        pending = null;
        primed = true;
    }

    /** The held message once its interval has passed. */
    Optional<M> duePending(Instant now) {
        if (pending == null || now.isBefore(lastSentAt.plusNanos(minGapNanos))) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** The last message sent, when the stream has been quiet for 1/min_fps since. */
    Optional<M> dueRepeat(Instant now) {
        if (repeatGapNanos == 0 || lastSent == null || now.isBefore(lastSentAt.plusNanos(repeatGapNanos))) {
            return Optional.empty();
        }
        return Optional.of(lastSent);
    }

    /** The repeat went out: the next is due 1/min_fps from now. */
    void repeated(Instant now) {
        lastSentAt = now;
    }

    /**
     * For a new group whose clients just got {@code current} on subscribe: repeats start from it, and
     * max_fps counts from now. Only the first call counts.
     */
    void prime(M current, Instant now) {
        if (!primed) {
            primed = true;
            lastSentAt = now;
            lastSent = current;
        }
    }

    /** When {@link #duePending} or {@link #dueRepeat} next has something, or empty when neither will. */
    Optional<Instant> nextDue() {
        if (pending != null) {
            return Optional.of(lastSentAt.plusNanos(minGapNanos));
        }
        if (repeatGapNanos != 0 && lastSent != null) {
            return Optional.of(lastSentAt.plusNanos(repeatGapNanos));
        }
        return Optional.empty();
    }
}

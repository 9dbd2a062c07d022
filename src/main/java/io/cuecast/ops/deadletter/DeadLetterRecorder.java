package io.cuecast.ops.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter route's bean: stores an exchange the error handler gave up on. With
 * {@code useOriginalMessage}, the exchange carries the message as it entered the pipeline (its
 * unit of work), so the letter is replayed into that entry route; the failing route is kept for
 * operators. An exchange that is itself a replay (header {@value #REPLAY_OF}) updates its letter
 * (attempts + 1) instead of making a new one.
 */
public final class DeadLetterRecorder {
    /** Set on a replayed message: the id of the letter it came from. */
    public static final String REPLAY_OF = "CuecastDeadLetterId";
    /**
     * An exchange property naming the route a letter replays into, when that is not the route the
     * exchange entered by: a breaker's fallback keeps the message as it reached its own route.
     */
    public static final String REPLAY_ROUTE = "CuecastReplayRoute";
    /** Set on a letter whose body could not be stored, saying why. */
    static final String BODY_NOT_KEPT = "CuecastBodyNotKept";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecorder.class);
    private final DeadLetterStore store;

    public DeadLetterRecorder(DeadLetterStore store) {
        this.store = store;
    }

    public void record(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        DeadLetter.Failure failure = cause == null
                ? new DeadLetter.Failure("unknown", "the error handler gave no exception", List.of())
                : DeadLetter.Failure.of(cause);
        String route = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class);
        String replayOf = exchange.getMessage().getHeader(REPLAY_OF, String.class);
        if (replayOf != null && store.failedAgain(replayOf, failure).isPresent()) {
            LOG.warn("Replay of dead letter {} failed again in route {}: {}", replayOf, route, cause == null ? "" : cause.toString());
            return;
        }
        Map<String, Object> headers = replayableHeaders(exchange.getMessage().getHeaders());
        MessageBody body;
        try {
            MessageBodies.Stored stored = MessageBodies.store(exchange.getMessage().getBody());
            body = stored.body();
            headers.putAll(stored.headers());
        } catch (IllegalArgumentException e) {
            body = MessageBody.EMPTY;
            headers.put(BODY_NOT_KEPT, String.valueOf(e.getMessage()));
        }
        DeadLetter letter;
        try {
            letter = store.record(route, exchange.getProperty(REPLAY_ROUTE, exchange.getFromRouteId(), String.class),
                    exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class), body, headers, failure);
        } catch (DeadLetterStore.StoreFull e) {
            LOG.error("LOST: a message of route {} that failed with {}: {}", route, cause, e.getMessage());
            throw e;
        }
        LOG.warn("Dead letter {} from route {}: {}", letter.id(), route, cause == null ? "" : cause.toString());
    }

    /**
     * The dead-letter path's breaker fallback: the message could not be stored (the store failed, or
     * its breaker is open), so it is lost; say so where operators look.
     */
    public void lost(Exchange exchange) {
        Throwable why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("LOST: a message of route {} could not be stored as a dead letter: {}",
                exchange.getProperty(Exchange.FAILURE_ROUTE_ID, exchange.getFromRouteId(), String.class), String.valueOf(why));
    }

    /** Our own headers and the like: plain values, none of Camel's bookkeeping. */
    private static Map<String, Object> replayableHeaders(Map<String, Object> headers) {
        Map<String, Object> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!name.startsWith("Camel") && !name.equals(REPLAY_OF)
                    && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}

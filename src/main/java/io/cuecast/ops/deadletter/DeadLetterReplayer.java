package io.cuecast.ops.deadletter;

import java.util.HashMap;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;

/**
 * Puts a dead letter back through the route it entered by, as that route's own consumer would:
 * synchronously, through the route's error handler. A replay that fails again is dead-lettered
 * again by that handler, which updates the same letter (attempts + 1), so nothing is lost; one that
 * goes through marks the letter replayed.
 */
public final class DeadLetterReplayer {
    private final CamelContext context;
    private final DeadLetterStore store;

    public DeadLetterReplayer(CamelContext context, DeadLetterStore store) {
        this.context = context;
        this.store = store;
    }

    /** One replay at a time, so that two requests cannot both put the same pending letter through. */
    public synchronized ReplayOutcome replay(String id) {
        Optional<DeadLetter> found = store.get(id);
        if (found.isEmpty()) {
            return new ReplayOutcome(ReplayOutcome.Result.NOT_FOUND, id, null, "no dead letter with id '" + id + "'");
        }
        DeadLetter letter = found.get();
        if (letter.status() != DeadLetterStatus.PENDING) {
            return refused(letter, "it is " + letter.status().wireName() + ", not pending");
        }
        if (letter.headers().containsKey(DeadLetterRecorder.BODY_NOT_KEPT)) {
            return refused(letter, "its body was not kept: " + letter.headers().get(DeadLetterRecorder.BODY_NOT_KEPT));
        }
        Route route = letter.replayRoute() == null ? null : context.getRoute(letter.replayRoute());
        if (route == null || route.getConsumer() == null) {
            return refused(letter, "its route '" + letter.replayRoute() + "' does not exist (any more)");
        }
        Object body;
        try {
            body = MessageBodies.restore(letter.body(), letter.headers());
        } catch (IllegalArgumentException e) {
            return refused(letter, e.getMessage());
        }
        int attemptsBefore = letter.attempts();
        Throwable unhandled = send(route.getConsumer(), letter, body);
        if (unhandled != null) {
            // The route's error handler did not take it (a route without one): record the failure here.
            store.failedAgain(id, DeadLetter.Failure.of(unhandled));
        }
        DeadLetter after = store.get(id).orElseThrow();
        if (after.attempts() > attemptsBefore) {
            return new ReplayOutcome(ReplayOutcome.Result.FAILED, id, after.withoutBody(),
                    after.failure().exceptionClass() + ": " + after.failure().message());
        }
        return new ReplayOutcome(ReplayOutcome.Result.REPLAYED, id, store.markReplayed(id).orElseThrow().withoutBody(),
                null);
    }

    /** @return the exception the route left unhandled, or null */
    private static Throwable send(Consumer consumer, DeadLetter letter, Object body) {
        Exchange exchange = consumer.createExchange(false);
        try {
            exchange.getMessage().setHeaders(new HashMap<>(letter.headers()));
            exchange.getMessage().setHeader(DeadLetterRecorder.REPLAY_OF, letter.id());
            exchange.getMessage().setBody(body);
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                return e;
            }
            return exchange.getException();
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private static ReplayOutcome refused(DeadLetter letter, String why) {
        return new ReplayOutcome(ReplayOutcome.Result.REFUSED, letter.id(), letter.withoutBody(), "not replayed: " + why);
    }
}

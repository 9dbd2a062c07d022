package io.cuecast.ops.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.it.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.DeadLetterChannelBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder and the replayer in a real Camel context, with the pipeline's shape: an entry route
 * fed by seda hands its message on over direct to a second route, which fails on a poisoned
 * message until it is fixed. Shows which message a letter keeps and where it replays into.
 */
class DeadLetterRoutingTest {

    @TempDir
    Path dir;

    private final AtomicBoolean fixed = new AtomicBoolean();
    private final List<String> reachedTheEnd = new CopyOnWriteArrayList<>();
    private CamelContext context;
    private DeadLetterStore store;

    @BeforeEach
    void start() throws Exception {
        store = DeadLetterStore.open(dir, 1 << 20, Clock.systemUTC());
        context = new DefaultCamelContext();
        context.getRegistry().bind("deadLetterRecorder", new DeadLetterRecorder(store));
        // Not a RouteBuilder subclass: camel-main's package scan would pick that up in every app test.
        RouteBuilder.addRoutes(context, routes -> {
            routes.from("direct:dead-letter").routeId("dead-letters").bean("deadLetterRecorder", "record");
            routes.from("seda:entry").routeId("entry").errorHandler(deadLetters())
                    .setHeader("Table", routes.constant("3"))
                    .transform(routes.body().append(" (parsed)"))
                    .to("direct:second");
            routes.from("direct:second").routeId("second").errorHandler(deadLetters())
                    .process(exchange -> {
                        String body = exchange.getMessage().getBody(String.class);
                        if (body.startsWith("poison") && !fixed.get()) {
                            throw new IllegalStateException("cannot take " + body);
                        }
                        reachedTheEnd.add(body);
                    });
        });
        context.start();
    }

    private static DeadLetterChannelBuilder deadLetters() {
        DeadLetterChannelBuilder channel = new DeadLetterChannelBuilder("direct:dead-letter");
        channel.setUseOriginalMessage("true");
        channel.maximumRedeliveries(1).redeliveryDelay(0);
        return channel;
    }

    @AfterEach
    void stop() {
        context.stop();
        store.close();
    }

    private DeadLetter awaitLetter() throws Exception {
        List<DeadLetter> letters = Await.until(() -> store.list(DeadLetterFilter.ALL), list -> !list.isEmpty(),
                Duration.ofSeconds(10), "a dead letter");
        assertEquals(1, letters.size(), letters.toString());
        return store.get(letters.get(0).id()).orElseThrow();
    }

    @Test
    void aFailureInADirectSubRouteKeepsTheMessageAsItEnteredAndReplaysIntoTheEntryRoute() throws Exception {
        context.createProducerTemplate().sendBodyAndHeader("seda:entry", "poison pill", "Source", "camera-2");

        DeadLetter letter = awaitLetter();
        assertEquals("second", letter.route(), "the route that failed");
        assertEquals("entry", letter.replayRoute(), "where the message entered its unit of work");
        assertEquals("poison pill", new String(letter.body().bytes(), StandardCharsets.UTF_8),
                "the original message, not the entry route's transformed one");
        assertEquals("text/plain", letter.body().contentType());
        assertEquals("camera-2", letter.headers().get("Source"));
        assertFalse(letter.headers().containsKey("Table"), "headers set on the way are not the original's");
        assertEquals(IllegalStateException.class.getName(), letter.failure().exceptionClass());
        assertEquals("cannot take poison pill (parsed)", letter.failure().message());

        DeadLetterReplayer replayer = new DeadLetterReplayer(context, store);
        ReplayOutcome again = replayer.replay(letter.id());
        assertEquals(ReplayOutcome.Result.FAILED, again.result());
        assertEquals(2, again.letter().attempts());
        assertEquals(1, store.list(DeadLetterFilter.ALL).size(), "the same letter, updated");

        fixed.set(true);
        ReplayOutcome replayed = replayer.replay(letter.id());
        assertEquals(ReplayOutcome.Result.REPLAYED, replayed.result());
        assertEquals(DeadLetterStatus.REPLAYED, store.get(letter.id()).orElseThrow().status());
        assertEquals(List.of("poison pill (parsed)"), reachedTheEnd, "it went through the whole way once");
        assertEquals(ReplayOutcome.Result.REFUSED, replayer.replay(letter.id()).result());
    }

    @Test
    void aLetterWhoseRouteIsGoneIsRefusedAndKept() throws Exception {
        context.createProducerTemplate().sendBody("seda:entry", "poison");
        DeadLetter letter = awaitLetter();
        context.getRouteController().stopRoute("entry");
        context.removeRoute("entry");

        ReplayOutcome outcome = new DeadLetterReplayer(context, store).replay(letter.id());

        assertEquals(ReplayOutcome.Result.REFUSED, outcome.result());
        assertTrue(outcome.reason().contains("its route 'entry' does not exist"), outcome.reason());
        assertEquals(DeadLetterStatus.PENDING, store.get(letter.id()).orElseThrow().status());
    }
}

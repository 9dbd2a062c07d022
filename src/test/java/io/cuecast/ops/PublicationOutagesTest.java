package io.cuecast.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicationOutagesTest {
    private final PublicationOutages outages = new PublicationOutages("alert");

    @Test
    void eachStreamHasItsOwnOutageAlertedOnceAtItsStartAndOnceAtItsEnd() {
        Alert down = outages.failed("config", new IllegalArgumentException("cannot serialize"), null);
        assertEquals("PUBLISH_FAILING", down.code());
        assertEquals("the config stream's publication", down.details().get("component"));
        assertNull(outages.failed("config", new BreakerOpenException(), null), "one alert per outage");
        assertFalse(outages.isDown("state"), "another stream is not affected");
        assertEquals(List.of(), outages.restored("state"));

        List<Alert> restored = outages.restored("config");
        assertEquals(List.of("PUBLISH_FAILING_RESTORED"), restored.stream().map(Alert::code).toList());
        assertEquals(List.of(), outages.restored("config"), "the end is reported once");
    }

    @Test
    void theAlertStreamsOwnOutageRaisesNoAlertWhichWouldGoOutOnItAndLoop() {
        assertNull(outages.failed("alert", new IllegalStateException("gateway down"), null));
        assertTrue(outages.isDown("alert"), "the outage is still tracked");
        assertEquals(List.of("PUBLISH_FAILING_RESTORED"), outages.restored("alert").stream().map(Alert::code).toList(),
                "its end can go out on it");
    }

    @Test
    void anEndTheAlertStreamRefusedIsOfferedAgainAndHandedOutWhenTheAlertStreamIsBack() {
        // The broker dies: the state and alert streams fail; it comes back, and state gets through
        // while the alert stream's breaker is still open (KafkaOutageIT lost this end in CI).
        outages.failed("state", new IllegalStateException("broker down"), null);
        outages.failed("alert", new IllegalStateException("broker down"), null);
        Alert stateEnd = outages.restored("state").get(0);
        assertNull(outages.heldEndToRetry(), "nothing refused yet");

        outages.failed("alert", new BreakerOpenException(), stateEnd);
        assertEquals(stateEnd, outages.heldEndToRetry(), "offered again");
        outages.failed("alert", new BreakerOpenException(), stateEnd);

        List<Alert> ends = outages.restored("alert");
        assertEquals(List.of("the alert stream's publication", "the state stream's publication"),
                ends.stream().map(a -> a.details().get("component")).toList());
        assertEquals(List.of(), outages.restored("alert"), "handed out once");
        assertNull(outages.heldEndToRetry());
    }

    @Test
    void onlyOutageEndsAreHeldNotOtherAlertsTheAlertStreamRefused() {
        Alert down = outages.failed("state", new IllegalStateException("broker down"), null);
        outages.failed("alert", new BreakerOpenException(), down);
        assertNull(outages.heldEndToRetry(), "a PUBLISH_FAILING refused stays a dead letter only");
    }

    @Test
    void aCallerIsToldWhatWasNotPublishedAndWhy() {
        assertEquals("not published on the frame stream (BreakerOpenException: not tried: the circuit breaker is open"
                        + " after repeated failures); it was kept in the dead letters",
                PublicationOutages.notPublished("frame", new BreakerOpenException()).error());
    }

    @Test
    void theAnswerOfAMessageNotPublishedHasNoSequenceForTheRoutesThatRecordWhatWasPublished() throws Exception {
        PublicationOutages.NotPublished answer = PublicationOutages.notPublished("state", new BreakerOpenException());
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(answer);
            // What state-update and game-event read after direct:publish; an error here dead-lettered their frame.
            assertNull(context.resolveLanguage("simple").createExpression("${body.sequence}").evaluate(exchange, Long.class));
        }
        assertEquals("{\"error\":\"" + answer.error() + "\"}", new ObjectMapper().writeValueAsString(answer),
                "what a REST caller gets");
    }
}

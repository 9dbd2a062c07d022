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
import org.junit.jupiter.api.Test;

class PublicationOutagesTest {
    private final PublicationOutages outages = new PublicationOutages("alert");

    @Test
    void eachStreamHasItsOwnOutageAlertedOnceAtItsStartAndOnceAtItsEnd() {
        Alert down = outages.failed("config", new IllegalArgumentException("cannot serialize"));
        assertEquals("PUBLISH_FAILING", down.code());
        assertEquals("the config stream's publication", down.details().get("component"));
        assertNull(outages.failed("config", new BreakerOpenException()), "one alert per outage");
        assertFalse(outages.isDown("state"), "another stream is not affected");
        assertNull(outages.restored("state"));

        Alert restored = outages.restored("config");
        assertEquals("PUBLISH_FAILING_RESTORED", restored.code());
        assertNull(outages.restored("config"), "the end is reported once");
    }

    @Test
    void theAlertStreamsOwnOutageRaisesNoAlertWhichWouldGoOutOnItAndLoop() {
        assertNull(outages.failed("alert", new IllegalStateException("gateway down")));
        assertTrue(outages.isDown("alert"), "the outage is still tracked");
        assertEquals("PUBLISH_FAILING_RESTORED", outages.restored("alert").code(), "its end can go out on it");
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

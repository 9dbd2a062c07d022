package io.cuecast.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cuecast.gateway.Stream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The game API's rule: a bearer token whose principal may read the stream the request serves. */
class BearerAccessTest {
    private final Authenticator keys = ApiKeyAuthenticator.parse("keys",
            "viewer:viewer-0123456789abcdef:state; ops:ops-0123456789abcdef:*:admin");
    private final HttpAccess events = BearerAccess.readersOf(keys, Stream.EVENTS);

    @Test
    void aReaderOfTheStreamMayAndOthersAreRefusedWithTheReason() {
        assertEquals(Optional.of(new HttpAccess.Refusal(401, "an Authorization: Bearer <token> header is required")),
                events.check(null));
        assertEquals(Optional.of(new HttpAccess.Refusal(401, "unknown API key")), events.check("Bearer nope-0000000000000000"));
        assertEquals(Optional.of(new HttpAccess.Refusal(403, "'viewer' may not read the events stream")),
                events.check("Bearer viewer-0123456789abcdef"));
        assertTrue(events.check("Bearer ops-0123456789abcdef").isEmpty());
        assertTrue(BearerAccess.readersOf(keys, Stream.STATE).check("bearer viewer-0123456789abcdef").isEmpty());
        assertTrue(BearerAccess.readersOf(Authenticator.OPEN, Stream.EVENTS).check(null).isEmpty(), "open access");
    }
}

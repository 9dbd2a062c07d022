package io.cuecast.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operators' API: a bearer token of a principal with the admin role. */
class AdminAccessTest {
    private static final String VIEWER_KEY = "viewer-0123456789ab";
    private static final String OPS_KEY = "ops-fedcba9876543210";
    private final HttpAccess access = BearerAccess.admins(ApiKeyAuthenticator.parse("keys",
            "viewer:" + VIEWER_KEY + ":*;ops:" + OPS_KEY + ":state:admin"));

    @Test
    void anAdminBearerTokenMayPass() {
        assertTrue(access.check("Bearer " + OPS_KEY).isEmpty());
        assertTrue(access.check("bearer  " + OPS_KEY).isEmpty(), "the scheme is case-insensitive");
    }

    @Test
    void missingOrBadCredentialsAre401AndAPrincipalWithoutTheRoleIs403() {
        HttpAccess.Refusal missing = new HttpAccess.Refusal(401, "an Authorization: Bearer <token> header is required");
        assertEquals(Optional.of(missing), access.check(null));
        assertEquals(Optional.of(missing), access.check("Basic b3BzOnNlY3JldA=="));
        assertEquals(Optional.of(missing), access.check("Bearer "));
        assertEquals(Optional.of(new HttpAccess.Refusal(401, "unknown API key")), access.check("Bearer nope-0000000000000000"));
        assertEquals(Optional.of(new HttpAccess.Refusal(403, "'viewer' does not have the admin role")),
                access.check("Bearer " + VIEWER_KEY), "every stream is not the admin role");
    }

    @Test
    void openAccessLetsEveryoneThrough() {
        assertTrue(BearerAccess.admins(Authenticator.OPEN).check(null).isEmpty());
    }
}

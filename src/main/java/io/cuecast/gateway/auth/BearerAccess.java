package io.cuecast.gateway.auth;

import io.cuecast.gateway.Stream;
import java.util.Optional;
import java.util.function.Function;

/**
 * When authentication is on, a request must carry {@code Authorization: Bearer TOKEN} (a JWT or an
 * API key) that authenticates, and its principal must pass a rule; under open access everyone may.
 */
public final class BearerAccess implements HttpAccess {
    private static final String BEARER = "Bearer ";
    private final Authenticator authenticator;
    /** Why a principal may not, or null when it may. */
    private final Function<Principal, String> refusal;

    private BearerAccess(Authenticator authenticator, Function<Principal, String> refusal) {
        this.authenticator = authenticator;
        this.refusal = refusal;
    }

    /** Principals with the admin role: the operators' API. */
    public static BearerAccess admins(Authenticator authenticator) {
        return new BearerAccess(authenticator,
                principal -> principal.admin() ? null : "'" + principal.subject() + "' does not have the admin role");
    }

    /** Principals that may read {@code stream}, as its WebSocket subscribers must: the game API. */
    public static BearerAccess readersOf(Authenticator authenticator, Stream stream) {
        return new BearerAccess(authenticator, principal -> principal.streams().contains(stream) ? null
                : "'" + principal.subject() + "' may not read the " + stream.wireName() + " stream");
    }

    @Override
    public Optional<Refusal> check(String authorization) {
        if (!authenticator.required()) {
            return Optional.empty();
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Optional.of(new Refusal(401, "an Authorization: Bearer <token> header is required"));
        }
        Principal principal;
        try {
            principal = authenticator.authenticate(authorization.substring(BEARER.length()).trim());
        } catch (AuthenticationException e) {
            return Optional.of(new Refusal(401, e.getMessage()));
        }
        return Optional.ofNullable(refusal.apply(principal)).map(why -> new Refusal(403, why));
    }
}

package io.cuecast.gateway.auth;

import java.util.Optional;

/**
 * Decides whether an HTTP request may use the operators' API: when authentication is on, it must
 * carry {@code Authorization: Bearer TOKEN} whose principal has the admin role (a JWT with a true
 * admin claim, or an API key with the {@code admin} role). Under open access everyone may, as before.
 */
public final class AdminAccess {
    private static final String BEARER = "Bearer ";
    private final Authenticator authenticator;

    /** Why a request was refused: 401 (no usable credentials) or 403 (not an admin), and a reason. */
    public record Refusal(int status, String error) {
    }

    public AdminAccess(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @return empty when the request may go on
     */
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
        if (!principal.admin()) {
            return Optional.of(new Refusal(403, "'" + principal.subject() + "' does not have the admin role"));
        }
        return Optional.empty();
    }
}

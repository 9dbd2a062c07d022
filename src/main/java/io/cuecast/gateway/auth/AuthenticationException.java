package io.cuecast.gateway.auth;

/** A token or key that does not authenticate; the message says why, for the client. */
public final class AuthenticationException extends Exception {

    public AuthenticationException(String reason) {
        super(reason, null, false, false);
    }
}

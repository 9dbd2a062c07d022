package io.cuecast.gateway.auth;

/**
 * Turns what a client presents (a JWT or an API key) into a {@link Principal}. Implementations are
 * thread-safe: the gateway calls them from every connection's event loop at once.
 */
public interface Authenticator {

    /** False only for open access, where every client is {@link Principal#ANONYMOUS} without a token. */
    boolean required();

    /**
     * @param token what the client sent, never null
     * @throws AuthenticationException with a reason the client may be told (it never repeats a secret)
     */
    Principal authenticate(String token) throws AuthenticationException;

    /** Today's behaviour and the default: no token needed, every client may read every stream. */
    Authenticator OPEN = new Authenticator() {
        @Override
        public boolean required() {
            return false;
        }

        @Override
        public Principal authenticate(String token) {
            return Principal.ANONYMOUS;
        }

        @Override
        public String toString() {
            return "open access";
        }
    };
}

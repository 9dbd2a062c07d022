package io.cuecast.gateway.auth;

import java.util.Optional;

/** Decides, from its {@code Authorization} header, whether an HTTP request may go on. */
public interface HttpAccess {

    /** Why a request was refused: 401 (no usable credentials) or 403 (not permitted), and a reason. */
    record Refusal(int status, String error) {
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @return empty when the request may go on
     */
    Optional<Refusal> check(String authorization);
}

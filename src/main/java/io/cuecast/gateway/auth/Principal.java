package io.cuecast.gateway.auth;

import io.cuecast.gateway.Stream;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who a client is, as its token or API key says, and what it may do.
 *
 * @param subject the user or device the token names; null for the anonymous client of open access
 * @param streams the streams it may subscribe to
 * @param admin     whether it may use the operators' REST API when authentication is on
 * @param expiresAt when the credentials stop being valid (a JWT's exp plus the clock skew
 *                  allowed); null when they do not expire
 */
public record Principal(String subject, Set<Stream> streams, boolean admin, Instant expiresAt) {

    /** Every client under open access: no name, every stream. */
    public static final Principal ANONYMOUS = new Principal(null, EnumSet.allOf(Stream.class), false);

    public Principal {
        streams = streams.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(streams));
    }

    /** Credentials that do not expire, such as an API key. */
    public Principal(String subject, Set<Stream> streams, boolean admin) {
        this(subject, streams, admin, null);
    }

    /** Whether the credentials have run out by {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }

    /** The requested streams this principal may not read, each once, in request order. */
    public List<Stream> forbidden(Collection<Stream> requested) {
        return requested.stream().distinct().filter(stream -> !streams.contains(stream)).toList();
    }

    /** The permitted streams' wire names, in the protocol's stream order. */
    public List<String> streamNames() {
        return streams.stream().sorted().map(Stream::wireName).toList();
    }
}

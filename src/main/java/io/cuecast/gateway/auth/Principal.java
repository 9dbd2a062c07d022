package io.cuecast.gateway.auth;

import io.cuecast.gateway.Stream;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who a client is, as its token or API key says, and what it may do.
 *
 * @param subject the user or device the token names; null for the anonymous client of open access
 * @param streams the streams it may subscribe to
 * @param admin   whether it may use the operators' REST API when authentication is on
 */
public record Principal(String subject, Set<Stream> streams, boolean admin) {

    /** Every client under open access: no name, every stream. */
    public static final Principal ANONYMOUS = new Principal(null, EnumSet.allOf(Stream.class), false);

    public Principal {
        streams = streams.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(streams));
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

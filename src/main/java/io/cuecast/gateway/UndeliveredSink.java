package io.cuecast.gateway;

/**
 * Where the gateway hands messages it could not get acknowledged: the dead-letter channel, through
 * an adapter, so that the gateway needs no Camel. Called from the housekeeping sweep and from
 * disconnects; it must not throw for a single message it cannot keep, but log it.
 */
@FunctionalInterface
public interface UndeliveredSink {

    void accept(Undelivered message);
}

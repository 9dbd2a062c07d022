package io.cuecast.ops;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * Why a circuit breaker's fallback ran when the breaker was open and the call was not tried at all:
 * Camel then hands the fallback no exception, and a dead letter, an alert or a REST answer needs one.
 */
public final class BreakerOpenException extends RuntimeException {

    public BreakerOpenException() {
        super("not tried: the circuit breaker is open after repeated failures");
    }

    /** A fallback's first step: makes sure the exchange says why it is in the fallback. */
    public static void explain(Exchange exchange) {
        if (exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT) == null
                && exchange.getProperty(ExchangePropertyKey.CIRCUIT_BREAKER_RESPONSE_SHORT_CIRCUITED, false, Boolean.class)) {
            exchange.setProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, new BreakerOpenException());
        }
    }
}

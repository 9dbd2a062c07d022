package io.cuecast.ops;

import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/**
 * The state of every circuitBreaker EIP in the routes, by its id, for health. The routes own the
 * breakers (integrators set them up in YAML), so they are found there rather than listed here.
 */
public final class CircuitBreakers {
    private final CamelContext context;

    public CircuitBreakers(CamelContext context) {
        this.context = context;
    }

    /** CLOSED, OPEN, HALF_OPEN, ... by breaker id, sorted; empty before the routes start. */
    public Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        for (Route route : context.getRoutes()) {
            for (Processor processor : route.filter("*")) {
                if (processor instanceof ResilienceProcessor breaker) {
                    states.put(breaker.getId(), breaker.getCircuitBreakerState());
                }
            }
        }
        return states;
    }
}

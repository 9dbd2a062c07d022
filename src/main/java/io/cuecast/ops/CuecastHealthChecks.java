package io.cuecast.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Joins Cuecast's health to Camel's, both ways: each of Cuecast's components becomes a Camel health
 * check (so {@code /observe/health}, JMX and Kubernetes probes see the camera, vision, gateway and
 * breakers), and Camel's own checks of routes and consumers become the {@code camel} part of
 * {@code /api/v1/health}.
 */
public final class CuecastHealthChecks {
    /** The group of the checks registered here, and what Camel's part of the report leaves out. */
    static final String GROUP = "cuecast";

    private CuecastHealthChecks() {
    }

    /**
     * Registers one check per component. Readiness covers all of them: a camera that is down means
     * no table to stream. Liveness covers the gateway alone: restarting Cuecast does not bring a
     * camera back, while a gateway that cannot answer is worth a restart.
     */
    public static void register(CamelContext context, HealthReport report) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        for (String component : report.componentNames()) {
            registry.register(new ComponentCheck(component, report, component.equals("gateway")));
        }
    }

    /** Camel's readiness checks other than ours, as a report part: DOWN naming the checks that are. */
    public static Map<String, Object> camelPart(CamelContext context) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        List<String> down = new ArrayList<>();
        int checked = 0;
        for (HealthCheck.Result result : results) {
            if (GROUP.equals(result.getCheck().getGroup())) {
                continue;
            }
            checked++;
            if (result.getState() == HealthCheck.State.DOWN) {
                down.add(result.getCheck().getId() + result.getMessage().map(message -> ": " + message).orElse(""));
            }
        }
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", (down.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN).name());
        part.put("checks", checked);
        part.put("down", down);
        return part;
    }

    private static final class ComponentCheck extends AbstractHealthCheck {
        private final String component;
        private final HealthReport report;
        private final boolean liveness;

        ComponentCheck(String component, HealthReport report, boolean liveness) {
            super(GROUP, component);
            this.component = component;
            this.report = report;
            this.liveness = liveness;
        }

        @Override
        public boolean isLiveness() {
            return liveness;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Map<String, Object> part = report.component(component);
            builder.details(part);
            builder.state(HealthStatus.DOWN.name().equals(part.get("status")) ? HealthCheck.State.DOWN
                    : HealthCheck.State.UP);
        }
    }
}

package io.cuecast.ops;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * {@code POST /api/v1/websocket/system/stop} and {@code /start}: pauses and resumes the pipeline by
 * stopping and starting the camera route. The WebSocket gateway keeps serving meanwhile (its routes
 * are never stopped on their own: that breaks the other WebSocket consumer on the port, CAMEL-24788),
 * so clients stay connected and simply receive no new states.
 */
public final class PipelineControl {
    static final String CAMERA_ROUTE = "camera";
    private final CamelContext context;

    public PipelineControl(CamelContext context) {
        this.context = context;
    }

    public Map<String, Object> start() throws Exception {
        context.getRouteController().startRoute(CAMERA_ROUTE);
        return status();
    }

    public Map<String, Object> stop() throws Exception {
        context.getRouteController().stopRoute(CAMERA_ROUTE);
        return status();
    }

    public Map<String, Object> status() {
        ServiceStatus camera = context.getRouteController().getRouteStatus(CAMERA_ROUTE);
        return Map.of("pipeline", camera == ServiceStatus.Started ? "running" : "stopped",
                "camera_route", String.valueOf(camera));
    }
}

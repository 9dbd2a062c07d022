package io.cuecast.gateway.video;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@link VideoFeed} as {@code multipart/x-mixed-replace} on the HTTP server's router. A
 * never-ending response does not fit a request-reply route, so this one endpoint is a Vert.x
 * handler rather than a Camel route.
 */
public final class MjpegHttpEndpoint {
    private final VideoFeed feed;

    public MjpegHttpEndpoint(VideoFeed feed) {
        this.feed = feed;
    }

    public void mount(Router router, String path) {
        router.get(path).handler(this::stream);
    }

    private void stream(RoutingContext context) {
        HttpServerResponse response = context.response();
        response.setChunked(true);
        response.putHeader("Content-Type", "multipart/x-mixed-replace; boundary=" + VideoFeed.BOUNDARY);
        response.putHeader("Cache-Control", "no-cache, no-store, must-revalidate");
        MjpegViewer viewer = new ResponseViewer(response);
        response.closeHandler(ignored -> feed.removeViewer(viewer));
        response.exceptionHandler(ignored -> feed.removeViewer(viewer));
        feed.addViewer(viewer);
    }

    private record ResponseViewer(HttpServerResponse response) implements MjpegViewer {
        @Override
        public boolean isBacklogged() {
            return response.writeQueueFull();
        }

        @Override
        public void send(byte[] part) {
            if (!response.closed() && !response.ended()) {
                response.write(Buffer.buffer(part));
            }
        }
    }
}

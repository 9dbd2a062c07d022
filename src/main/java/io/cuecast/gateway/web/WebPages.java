package io.cuecast.gateway.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;

/**
 * Serves the web pages (the viewer, the projector and the operator pages) from the jar's
 * {@code web/} folder. Vert.x's static handler keeps every lookup inside that folder, so nothing
 * else of the working directory or the class path (the config file, say) can be fetched.
 */
public final class WebPages {
    /** Page addresses without the {@code .html}, as people type them. */
    private static final Map<String, String> PAGES = Map.of(
            "/projector", "/projector.html",
            "/dead-letters", "/dead-letters.html",
            "/config", "/config.html",
            "/calibration", "/calibration.html");

    private WebPages() {
    }

    public static void mount(Router router) {
        PAGES.forEach((path, file) -> router.get(path).handler(context -> context.reroute(file)));
        StaticHandler files = StaticHandler.create(FileSystemAccess.RELATIVE, "web")
                .setIndexPage("index.html")
                // the pages are small and change with the jar; a stale module after an upgrade is worse than a refetch
                .setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8");
        // Only the pages' own paths: API requests (the WebSocket upgrades above all) never wait on a file look-up.
        // (a regex route, because a "/js/*" route would strip its prefix from the file's path)
        router.getWithRegex("/|/[a-z-]+\\.html|/(js|css)/[a-z-]+\\.(js|css)").handler(files);
    }
}

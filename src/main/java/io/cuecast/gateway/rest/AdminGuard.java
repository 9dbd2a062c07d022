package io.cuecast.gateway.rest;

import io.cuecast.gateway.auth.HttpAccess;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Puts an {@link HttpAccess} (the operators' admin role, the game API's stream grants) in front of
 * every route under a path on the HTTP server's router, ahead of Camel's REST routes, so no
 * endpoint there can be added unguarded. Refusals answer JSON
 * {@code {"error": "..."}} as the API's other errors do.
 */
public final class AdminGuard {
    private AdminGuard() {
    }

    public static void mount(Router router, String pathPrefix, HttpAccess access) {
        // Order -1: before the routes Camel added, which count up from 0.
        router.route(pathPrefix + "/*").order(-1).handler(context -> access
                .check(context.request().getHeader("Authorization"))
                .ifPresentOrElse(refusal -> {
                    if (refusal.status() == 401) {
                        context.response().putHeader("WWW-Authenticate", "Bearer");
                    }
                    context.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("error", refusal.error()).encode());
                }, context::next));
    }
}

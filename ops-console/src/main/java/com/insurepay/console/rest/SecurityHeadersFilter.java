package com.insurepay.console.rest;

import com.insurepay.common.web.SecurityHeaders;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on EVERY response (pages, static files, health, error and login pages, redirects): a Vert.x
 * route, not a JAX-RS filter, because static files, the form login's redirects and Vert.x's own 404s never reach
 * JAX-RS. The console loads nothing but its own stylesheet; it has no script at all.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    /** No script anywhere; our own CSS file; inline SVG charts are markup, not images from elsewhere. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String STATIC_PREFIX = "/static/";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> apply(ctx));
            ctx.next();
        });
    }

    private void apply(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        SecurityHeaders.COMMON.forEach(headers::set);
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        if (!ctx.request().path().startsWith(STATIC_PREFIX)) {
            // Customer data: never in shared or back/forward caches; only the stylesheet may be cached.
            SecurityHeaders.NO_STORE.forEach(headers::set);
        }
    }
}

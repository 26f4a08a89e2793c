package com.insurepay.pages.rest;

import com.insurepay.pages.config.PagesConfig;
import com.insurepay.common.web.SecurityHeaders;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on EVERY response: pages, JSON, PDFs, static files, health, and error pages (a Vert.x route,
 * not a JAX-RS filter, because static files and Vert.x's own 404s never reach JAX-RS). Also renders the friendly
 * 404 page for paths that match nothing.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    /** Nothing inline, nothing from elsewhere: our own CSS and JS files and our own status endpoint only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String STATIC_PREFIX = "/static/";

    private final PagesConfig config;

    public SecurityHeadersFilter(PagesConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        // Before every other route, so the headers are registered whichever handler ends up answering.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> apply(ctx));
            ctx.next();
        });
        router.errorHandler(404, this::notFoundPage);
    }

    private void apply(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        SecurityHeaders.COMMON.forEach(headers::set);
        if (!ctx.request().path().startsWith(STATIC_PREFIX)) {
            // Receipts and policies must not stay in shared or back/forward caches; only our CSS/JS may be cached.
            SecurityHeaders.NO_STORE.forEach(headers::set);
        }
    }

    private void notFoundPage(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        String body = Pages.notFound(new Site(config.insurerName()), null).render();
        ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html;charset=UTF-8").end(body);
    }
}

package com.insurepay.pages.rest;

import com.insurepay.pages.config.PagesConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Friendly pages instead of stack traces: the customer sees a sentence, the log gets the details and an id. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final PagesConfig config;

    public ErrorPages(PagesConfig config) {
        this.config = config;
    }

    static Response notFound(Site site) {
        return notFound(site, null);
    }

    static Response notFound(Site site, String retryUrl) {
        return Pages.html(Response.Status.NOT_FOUND, Pages.notFound(site, retryUrl));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        if (isApi(request)) {
            return json(Response.Status.NOT_FOUND, "not_found", "Not found.");
        }
        return notFound(new Site(config.insurerName()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Request %s %s failed (error id %s)", request.method(), request.path(), errorId);
        if (isApi(request)) {
            return json(Response.Status.INTERNAL_SERVER_ERROR, "internal_error",
                    "Something went wrong on our side (error id " + errorId + ").");
        }
        return Pages.html(Response.Status.INTERNAL_SERVER_ERROR, Pages.error(new Site(config.insurerName())));
    }

    private static boolean isApi(HttpServerRequest request) {
        return request.path().startsWith("/api/");
    }

    private static Response json(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", code, "message", message)).build();
    }
}

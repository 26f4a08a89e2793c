package com.insurepay.console.rest;

import com.insurepay.console.config.ConsoleConfig;
import com.insurepay.console.service.OperatorAccess;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page instead of a stack trace: the operator sees a sentence and an error id, the log gets the details. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    ConsoleConfig config;

    @Inject
    OperatorAccess access;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Pages.html(Response.Status.NOT_FOUND, Pages.notFound(site()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Request %s %s failed (error id %s)", request.method(), request.path(), errorId);
        return Pages.html(Response.Status.INTERNAL_SERVER_ERROR, Pages.error(site(), errorId));
    }

    private Site site() {
        List<String> tenants;
        String operator;
        try {
            tenants = access.tenants();
            operator = access.operatorName();
        } catch (RuntimeException noIdentity) {
            tenants = List.of();
            operator = null;
        }
        return new Site(config.title(), null, tenants, operator, "error");
    }
}

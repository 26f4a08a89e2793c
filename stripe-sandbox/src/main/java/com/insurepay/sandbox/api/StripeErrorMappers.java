package com.insurepay.sandbox.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors in Stripe's shape for the API; unknown /v1 URLs answer like Stripe too. */
public class StripeErrorMappers {

    @ServerExceptionMapper
    public Response stripeError(StripeApiException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        return unrecognized(e, uri, request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        return unrecognized(e, uri, request);
    }

    private static Response unrecognized(
            jakarta.ws.rs.WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (!uri.getPath().startsWith("/v1")) {
            return e.getResponse();
        }
        return toResponse(
                new StripeApiException(
                        404,
                        "invalid_request_error",
                        null,
                        null,
                        "Unrecognized request URL (" + request.getMethod() + ": " + uri.getPath()
                                + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/."));
    }

    public static ObjectNode errorBody(StripeApiException e) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        if (e.code() != null) {
            error.put("code", e.code());
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + e.code().replace('_', '-'));
        }
        if (e.declineCode() != null) {
            error.put("decline_code", e.declineCode());
        }
        error.put("message", e.getMessage());
        if (e.param() != null) {
            error.put("param", e.param());
        }
        error.put("type", e.type());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body;
    }

    public static Response toResponse(StripeApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(errorBody(e)).build();
    }
}

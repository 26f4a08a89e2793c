package com.insurepay.sandbox.api;

import com.insurepay.sandbox.service.CheckoutService;
import com.insurepay.sandbox.service.Expander;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/v1/checkout/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class CheckoutSessionResource {

    @Inject
    CheckoutService service;
    @Inject
    Expander expander;
    @Inject
    ApiResponder responder;

    @POST
    public Response create(String body, @Context UriInfo uri) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent(
                "POST /v1/checkout/sessions", params,
                () -> expander.expand(service.create(params, responder.publicBaseUrl(uri)).toJson(), params));
    }

    @GET
    public Response list(@Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri);
        return responder.ok(expander.expand(service.list(params), params));
    }

    @GET
    @Path("{id}")
    public Response retrieve(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/checkout/sessions/{id}"));
        return responder.ok(expander.expand(service.get(id).toJson(), params));
    }

    @GET
    @Path("{id}/line_items")
    public Response lineItems(@PathParam("id") String id, @Context UriInfo uri) {
        ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/checkout/sessions/{id}/line_items"));
        return responder.ok(expander.lineItemsJson(service.get(id).id()));
    }

    @POST
    @Path("{id}/expire")
    public Response expire(@PathParam("id") String id, String body) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent(
                "POST /v1/checkout/sessions/" + id + "/expire", params,
                () -> expander.expand(service.expire(id, params).toJson(), params));
    }
}

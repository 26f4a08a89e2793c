package com.insurepay.sandbox.api;

import com.insurepay.sandbox.service.Expander;
import com.insurepay.sandbox.service.PaymentLinkService;
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

@Path("/v1/payment_links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PaymentLinkResource {

    @Inject
    PaymentLinkService service;
    @Inject
    Expander expander;
    @Inject
    ApiResponder responder;

    @POST
    public Response create(String body, @Context UriInfo uri) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent(
                "POST /v1/payment_links", params,
                () -> expander.expand(service.create(params, responder.publicBaseUrl(uri)).toJson(), params));
    }

    @GET
    @Path("{id}")
    public Response retrieve(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/payment_links/{id}"));
        return responder.ok(expander.expand(service.get(id).toJson(), params));
    }

    @GET
    @Path("{id}/line_items")
    public Response lineItems(@PathParam("id") String id, @Context UriInfo uri) {
        ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/payment_links/{id}/line_items"));
        return responder.ok(expander.lineItemsJson(service.get(id).id()));
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent(
                "POST /v1/payment_links/" + id, params, () -> expander.expand(service.update(id, params).toJson(), params));
    }
}

package com.insurepay.sandbox.api;

import com.insurepay.sandbox.service.Expander;
import com.insurepay.sandbox.service.PaymentService;
import com.insurepay.sandbox.service.RefundService;
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

/** PaymentIntents and Charges (read-only: they come from hosted payments), Refunds, Disputes. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PaymentResource {

    @Inject
    PaymentService payments;
    @Inject
    RefundService refunds;
    @Inject
    Expander expander;
    @Inject
    ApiResponder responder;

    @GET
    @Path("payment_intents/{id}")
    public Response paymentIntent(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/payment_intents/{id}"));
        return responder.ok(expander.expand(payments.paymentIntent(id).toJson(), params));
    }

    @GET
    @Path("charges/{id}")
    public Response charge(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/charges/{id}"));
        return responder.ok(expander.expand(payments.charge(id).toJson(), params));
    }

    @POST
    @Path("refunds")
    public Response createRefund(String body) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent("POST /v1/refunds", params, () -> expander.expand(refunds.create(params).toJson(), params));
    }

    @GET
    @Path("refunds/{id}")
    public Response refund(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/refunds/{id}"));
        return responder.ok(expander.expand(refunds.get(id).toJson(), params));
    }

    @GET
    @Path("disputes/{id}")
    public Response dispute(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/disputes/{id}"));
        return responder.ok(expander.expand(refunds.getDispute(id).toJson(), params));
    }
}

package com.insurepay.sandbox.api;

import com.insurepay.sandbox.service.CatalogService;
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

/** Products and Prices. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class CatalogResource {

    @Inject
    CatalogService service;
    @Inject
    Expander expander;
    @Inject
    ApiResponder responder;

    @POST
    @Path("products")
    public Response createProduct(String body) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent("POST /v1/products", params, () -> expander.expand(service.createProduct(params).toJson(), params));
    }

    @GET
    @Path("products/{id}")
    public Response product(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/products/{id}"));
        return responder.ok(expander.expand(service.product(id).toJson(), params));
    }

    @POST
    @Path("prices")
    public Response createPrice(String body) {
        StripeParams params = StripeParams.parse(body);
        return responder.idempotent("POST /v1/prices", params, () -> expander.expand(service.createPrice(params).toJson(), params));
    }

    @GET
    @Path("prices/{id}")
    public Response price(@PathParam("id") String id, @Context UriInfo uri) {
        StripeParams params = ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/prices/{id}"));
        return responder.ok(expander.expand(service.price(id).toJson(), params));
    }
}

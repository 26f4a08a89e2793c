package com.insurepay.sandbox.api;

import com.insurepay.sandbox.service.EventService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventService events;
    @Inject
    ApiResponder responder;

    @GET
    public Response list(@Context UriInfo uri) {
        return responder.ok(events.list(ApiResponder.query(uri)));
    }

    @GET
    @Path("{id}")
    public Response retrieve(@PathParam("id") String id, @Context UriInfo uri) {
        ApiResponder.query(uri).allowOnly(ParamCatalog.schema("GET /v1/events/{id}"));
        return responder.ok(events.get(id).toJson());
    }
}

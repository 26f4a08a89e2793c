package com.insurepay.pages.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.insurepay.pages.service.CheckoutOutcomeService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/** What the processing page polls: the payment's status, and the receipt once it is paid. */
@Path("/api/sessions/{sessionId}/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer pages")
public class SessionStatusResource {

    private final CheckoutOutcomeService outcomes;

    public SessionStatusResource(CheckoutOutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @Operation(
            summary = "What the waiting page polls: the payment state of a checkout session, and the receipt once paid (JSON, no personal data beyond a masked e-mail)")
    @GET
    public Response status(@RestPath String sessionId) {
        return outcomes.statusOf(sessionId)
                .map(status -> Response.ok(status).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(Map.of("error", "not_found", "message", "No checkout was found for this link.")).build());
    }
}

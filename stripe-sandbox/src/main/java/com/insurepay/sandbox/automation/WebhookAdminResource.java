package com.insurepay.sandbox.automation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.support.Json;
import com.insurepay.sandbox.webhook.DeliveryAttempt;
import com.insurepay.sandbox.webhook.WebhookDispatcher;
import com.insurepay.sandbox.webhook.WebhookEndpoint;
import com.insurepay.sandbox.webhook.WebhookEndpointRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/** Webhook endpoints at runtime, the delivery log, and the pause switch. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class WebhookAdminResource {

    @Inject
    WebhookEndpointRegistry endpoints;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    ObjectMapper mapper;

    /** {@code url} (required), {@code secret} (whsec_..., generated if absent), {@code enabled_events[]}. */
    @POST
    @Path("webhook_endpoints")
    public WebhookEndpoint register(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("url", "secret", "enabled_events"));
        try {
            return endpoints.register(in.required("url"), in.get("secret").orElse(null), in.list("enabled_events"));
        } catch (IllegalArgumentException e) {
            throw StripeApiException.invalid("url_invalid", "url", e.getMessage());
        }
    }

    @GET
    @Path("webhook_endpoints")
    public ObjectNode list() {
        ObjectNode n = Json.object();
        n.put("object", "list");
        n.set("data", mapper.valueToTree(endpoints.all()));
        return n;
    }

    @DELETE
    @Path("webhook_endpoints/{id}")
    public ObjectNode remove(@PathParam("id") String id) {
        if (!endpoints.remove(id)) {
            throw StripeApiException.resourceMissing("webhook_endpoint", "id", id);
        }
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("object", "webhook_endpoint");
        n.put("deleted", true);
        return n;
    }

    @GET
    @Path("deliveries")
    public ObjectNode deliveries(@QueryParam("event") String eventId) {
        List<DeliveryAttempt> log = dispatcher.deliveries(eventId);
        ObjectNode n = Json.object();
        n.put("object", "list");
        n.set("data", mapper.valueToTree(log));
        return n;
    }

    @GET
    @Path("webhooks")
    public ObjectNode status() {
        ObjectNode n = Json.object();
        n.put("paused", dispatcher.isPaused());
        n.put("held", dispatcher.heldCount());
        return n;
    }

    @POST
    @Path("webhooks/pause")
    public ObjectNode pause() {
        dispatcher.pause();
        return status();
    }

    @POST
    @Path("webhooks/resume")
    public ObjectNode resume() {
        int released = dispatcher.resume();
        ObjectNode n = status();
        n.put("released", released);
        return n;
    }
}

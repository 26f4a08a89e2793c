package com.insurepay.sandbox.automation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.IdempotencyStore;
import com.insurepay.sandbox.service.CheckoutService;
import com.insurepay.sandbox.service.EventService;
import com.insurepay.sandbox.service.PaymentService;
import com.insurepay.sandbox.service.PaymentService.PaymentResult;
import com.insurepay.sandbox.service.PaymentService.Settlement;
import com.insurepay.sandbox.service.RefundService;
import com.insurepay.sandbox.store.CardAttempt;
import com.insurepay.sandbox.store.SandboxStore;
import com.insurepay.sandbox.support.Json;
import com.insurepay.sandbox.support.SandboxClock;
import com.insurepay.sandbox.webhook.WebhookDispatcher;
import com.insurepay.sandbox.webhook.WebhookEndpointRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;

/**
 * Hooks for tests and scripts, like {@code stripe trigger}: pay a session without a browser, move
 * the clock, open a dispute, resend an event, start afresh.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SandboxAutomationResource {

    @Inject
    PaymentService payments;
    @Inject
    CheckoutService checkout;
    @Inject
    RefundService refunds;
    @Inject
    EventService events;
    @Inject
    SandboxClock clock;
    @Inject
    SandboxStore store;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    WebhookEndpointRegistry endpoints;
    @Inject
    ObjectMapper mapper;

    /**
     * Pays like the hosted page does. {@code card} (default 4242...), {@code email}, {@code name},
     * {@code exp_month}/{@code exp_year}/{@code cvc} (defaults valid), {@code authentication}
     * ({@code complete} default, or {@code fail}) for cards that ask for it, {@code settlement}
     * ({@code immediate} default, or {@code delayed}: accepted like a bank debit, settled later by
     * {@link #settle}).
     */
    @POST
    @Path("checkout/sessions/{id}/pay")
    public ObjectNode pay(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("card", "email", "name", "exp_month", "exp_year", "cvc", "authentication", "settlement"));
        String authentication = in.oneOf("authentication", "complete", List.of("complete", "fail", "none"));
        Settlement settlement = settlement(in);
        String expiry = in.get("exp_month").orElse("12") + "/"
                + in.get("exp_year").orElse(String.valueOf(java.time.Year.now().getValue() + 5));
        CardAttempt card = PaymentService.parseCard(in.get("card").orElse("4242424242424242"), expiry, in.get("cvc").orElse("123"),
                in.get("email").orElse(null), in.get("name").orElse(null));
        PaymentResult result = payments.pay(id, card, settlement);
        if (result.outcome() == PaymentService.Outcome.REQUIRES_ACTION && !authentication.equals("none")) {
            result = payments.authenticate(id, authentication.equals("complete"), settlement);
        }
        return PaymentResults.toJson(result);
    }

    /** The 3D Secure step on its own, for a session left waiting by {@code authentication=none}. */
    @POST
    @Path("checkout/sessions/{id}/authenticate")
    public ObjectNode authenticate(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("result", "settlement"));
        String outcome = in.get("result").orElse("complete");
        return PaymentResults.toJson(payments.authenticate(id, !outcome.equals("fail"), settlement(in)));
    }

    /**
     * The money of a PaymentIntent left {@code processing} by {@code settlement=delayed} arrives
     * ({@code result=succeeded}, default) or not ({@code failed}); any other PaymentIntent → 400.
     */
    @POST
    @Path("payment_intents/{id}/settle")
    public ObjectNode settle(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("result"));
        String result = in.oneOf("result", "succeeded", List.of("succeeded", "failed"));
        return PaymentResults.toJson(payments.settle(id, result.equals("succeeded")));
    }

    private static Settlement settlement(AutomationInput in) {
        return Settlement.valueOf(in.oneOf("settlement", "immediate", List.of("immediate", "delayed")).toUpperCase());
    }

    @GET
    @Path("clock")
    public ObjectNode clock() {
        ObjectNode n = Json.object();
        n.put("now", clock.now());
        n.put("offset_seconds", clock.offsetSeconds());
        return n;
    }

    /** Moves the sandbox clock forward and expires whatever became due at once. */
    @POST
    @Path("clock/advance")
    public ObjectNode advance(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("seconds"));
        long seconds = in.integer("seconds").orElseThrow(() -> com.insurepay.sandbox.api.StripeApiException.parameterMissing("seconds"));
        if (seconds < 0) {
            throw com.insurepay.sandbox.api.StripeApiException.invalid(null, "seconds", "The sandbox clock only moves forward.");
        }
        clock.advance(seconds);
        List<String> expired = checkout.expireDue();
        ObjectNode n = clock();
        n.set("expired_sessions", Json.strings(expired));
        return n;
    }

    @POST
    @Path("charges/{id}/dispute")
    public ObjectNode disputeCharge(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("amount", "reason"));
        return refunds.dispute(id, in.integer("amount").orElse(null), in.get("reason").orElse(null)).toJson();
    }

    @POST
    @Path("payment_intents/{id}/dispute")
    public ObjectNode disputePaymentIntent(@PathParam("id") String id, String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @Context UriInfo uri) {
        AutomationInput in = AutomationInput.read(body, type, uri, mapper);
        in.allowOnly(Set.of("amount", "reason"));
        return refunds.disputeOfPaymentIntent(id, in.integer("amount").orElse(null), in.get("reason").orElse(null)).toJson();
    }

    /** Delivers an event again to every endpoint: a duplicate on purpose. */
    @POST
    @Path("events/{id}/resend")
    public ObjectNode resend(@PathParam("id") String id) {
        ObjectNode n = Json.object();
        n.put("event", id);
        n.put("queued", dispatcher.resend(events.get(id)));
        return n;
    }

    /** Forgets everything: objects, events, idempotency keys, deliveries, runtime endpoints, the clock. */
    @POST
    @Path("reset")
    public ObjectNode reset() {
        dispatcher.reset();
        store.clear();
        idempotency.clear();
        endpoints.reset();
        clock.reset();
        ObjectNode n = Json.object();
        n.put("reset", true);
        return n;
    }
}

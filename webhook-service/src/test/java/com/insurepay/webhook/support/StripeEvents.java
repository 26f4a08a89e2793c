package com.insurepay.webhook.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Event bodies shaped like Stripe's (the fields of ../shared/stripe-fixtures), with our ids where checkout-service
 * puts them. Built as JSON text, as Stripe sends it.
 */
public final class StripeEvents {

    public static final String CURRENT_API_VERSION = "2026-07-29.dahlia";
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private StripeEvents() {
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String event(String eventId, String type, JsonObject object) {
        return event(eventId, type, object, CURRENT_API_VERSION);
    }

    /** {@code apiVersion} may be null, as in Stripe's published fixtures. */
    public static String event(String eventId, String type, JsonObject object, String apiVersion) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject request = new JsonObject();
        request.add("id", null);
        request.add("idempotency_key", null);
        JsonObject event = new JsonObject();
        event.addProperty("id", eventId);
        event.addProperty("object", "event");
        event.addProperty("api_version", apiVersion);
        event.addProperty("created", Instant.now().getEpochSecond());
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        event.add("request", request);
        event.addProperty("type", type);
        return GSON.toJson(event);
    }

    /** A Checkout Session; {@code clientReferenceId}/{@code ourId} may be null to test the other lookups. */
    public static JsonObject session(String sessionId, String clientReferenceId, String ourId, String paymentStatus,
            String paymentIntent, String paymentLink) {
        JsonObject s = new JsonObject();
        s.addProperty("id", sessionId);
        s.addProperty("object", "checkout.session");
        s.addProperty("amount_total", 15000);
        s.addProperty("currency", "sgd");
        s.addProperty("client_reference_id", clientReferenceId);
        s.addProperty("customer_email", "alice@example.com");
        s.add("metadata", metadata(ourId));
        s.addProperty("mode", "payment");
        s.addProperty("payment_intent", paymentIntent);
        s.addProperty("payment_link", paymentLink);
        s.addProperty("payment_status", paymentStatus);
        s.addProperty("status", "unpaid".equals(paymentStatus) ? "open" : "complete");
        s.addProperty("url", (String) null);
        return s;
    }

    public static JsonObject failedPaymentIntent(String paymentIntent, String ourId, String declineMessage) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", "card_declined");
        error.addProperty("decline_code", "insufficient_funds");
        error.addProperty("message", declineMessage);
        JsonObject pi = new JsonObject();
        pi.addProperty("id", paymentIntent);
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", 15000);
        pi.addProperty("currency", "sgd");
        pi.add("last_payment_error", error);
        pi.add("metadata", metadata(ourId));
        pi.addProperty("status", "requires_payment_method");
        return pi;
    }

    public static JsonObject refundedCharge(String charge, String paymentIntent, String ourId, long amount, long amountRefunded) {
        JsonObject ch = new JsonObject();
        ch.addProperty("id", charge);
        ch.addProperty("object", "charge");
        ch.addProperty("amount", amount);
        ch.addProperty("amount_captured", amount);
        ch.addProperty("amount_refunded", amountRefunded);
        ch.addProperty("captured", true);
        ch.addProperty("currency", "sgd");
        ch.add("metadata", metadata(ourId));
        ch.addProperty("paid", true);
        ch.addProperty("payment_intent", paymentIntent);
        ch.addProperty("refunded", amountRefunded >= amount);
        ch.addProperty("status", "succeeded");
        return ch;
    }

    public static JsonObject dispute(String dispute, String charge, String paymentIntent) {
        JsonObject dp = new JsonObject();
        dp.addProperty("id", dispute);
        dp.addProperty("object", "dispute");
        dp.addProperty("amount", 15000);
        dp.addProperty("charge", charge);
        dp.addProperty("currency", "sgd");
        dp.add("metadata", new JsonObject());
        dp.addProperty("payment_intent", paymentIntent);
        dp.addProperty("reason", "fraudulent");
        dp.addProperty("status", "needs_response");
        return dp;
    }

    private static JsonObject metadata(String ourId) {
        JsonObject m = new JsonObject();
        if (ourId != null) {
            for (Map.Entry<String, String> e : Map.of("payment_intent_id", ourId, "user_id", "user-1", "quote_id", "quote-1").entrySet()) {
                m.addProperty(e.getKey(), e.getValue());
            }
        }
        return m;
    }
}
